package dev.vb365.operator.veeam;

import dev.vb365.operator.veeam.model.Group;
import dev.vb365.operator.veeam.model.Organization;
import dev.vb365.operator.veeam.model.Proxy;
import dev.vb365.operator.veeam.model.Repository;
import dev.vb365.operator.veeam.model.Site;
import dev.vb365.operator.veeam.model.Team;
import dev.vb365.operator.veeam.model.User;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Organizations, repositories, proxies and organization objects, and their lookup by the names
 * people write in a BackupJob. Lookups use the server-side filters the API has (userName and
 * displayName for users, groupName and displayName for groups, displayName for teams, the keyword
 * filter for sites from v7 on), then match exactly on the client (the server's filters accept
 * wildcards and may match more): an exact match wins, else a case-insensitive one; several matches
 * are an {@link AmbiguousMatchException}. Organizations and repositories have no name filter, so
 * a name lookup lists them (they are few) and the cache keeps the result.
 */
final class Directory {

    private static final Pattern UUID = Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private final ApiCaller api;
    private final Pager pager;
    private final LookupCache cache;

    Directory(ApiCaller api, Pager pager, LookupCache cache) {
        this.api = api;
        this.pager = pager;
        this.cache = cache;
    }

    // ---- plain reads ---------------------------------------------------------------------------

    List<Organization> organizations() {
        // extendedView is required by v6; false keeps the answer small everywhere.
        return pager.all(ApiRequest.of(Route.ORGANIZATIONS).query("extendedView", false), Wire.Organization.class)
                .stream().map(WireMapper::organization).toList();
    }

    Organization organization(String id) {
        return WireMapper.organization(api.execute(ApiRequest.of(Route.ORGANIZATION, id).query("extendedView", false),
                ApiCaller.json(Wire.Organization.class)));
    }

    List<Repository> repositories() {
        return pager.all(ApiRequest.of(Route.REPOSITORIES), Wire.Repository.class).stream()
                .map(WireMapper::repository).toList();
    }

    Repository repository(String id) {
        return WireMapper.repository(api.execute(ApiRequest.of(Route.REPOSITORY, id),
                ApiCaller.json(Wire.Repository.class)));
    }

    List<Proxy> proxies() {
        return pager.all(ApiRequest.of(Route.PROXIES), Wire.Proxy.class).stream().map(WireMapper::proxy).toList();
    }

    // ---- lookups by natural key ----------------------------------------------------------------

    Organization resolveOrganization(String nameOrId) {
        String key = required(nameOrId, "organization");
        return cache.get("organization|" + key, () -> isUuid(key) ? organization(key)
                : matchOne(endpoint(Route.ORGANIZATIONS), "organization", key,
                        withIds(Route.ORGANIZATIONS, "organization", organizations(), Organization::id),
                        o -> List.of(nullToEmpty(o.name()), nullToEmpty(o.officeName())),
                        o -> o.name() + " (" + o.id() + ")"));
    }

    Repository resolveRepository(String nameOrId) {
        String key = required(nameOrId, "repository");
        return cache.get("repository|" + key, () -> isUuid(key) ? repository(key)
                : matchOne(endpoint(Route.REPOSITORIES), "repository", key,
                        withIds(Route.REPOSITORIES, "repository", repositories(), Repository::id),
                        r -> List.of(nullToEmpty(r.name())), r -> r.name() + " (" + r.id() + ")"));
    }

    /** A user by UPN (anything with an '@', tried first) or display name. */
    User resolveUser(String organizationId, String upnOrDisplayName) {
        String org = required(organizationId, "organization id");
        String key = required(upnOrDisplayName, "user");
        return cache.get("user|" + org + "|" + key, () -> {
            if (key.contains("@")) {
                List<User> byUpn = users(org, "userName", key);
                if (matches(byUpn, key, u -> List.of(nullToEmpty(u.name())))) {
                    return matchOne(endpoint(Route.USERS), "user", key, byUpn, u -> List.of(nullToEmpty(u.name())),
                            Directory::describe);
                }
            }
            return matchOne(endpoint(Route.USERS), "user", key, users(org, "displayName", key),
                    u -> List.of(nullToEmpty(u.displayName())), Directory::describe);
        });
    }

    /** A group by name (tried first) or display name. */
    Group resolveGroup(String organizationId, String nameOrDisplayName) {
        String org = required(organizationId, "organization id");
        String key = required(nameOrDisplayName, "group");
        return cache.get("group|" + org + "|" + key, () -> {
            List<Group> byName = groups(org, "groupName", key);
            if (matches(byName, key, g -> List.of(nullToEmpty(g.name())))) {
                return matchOne(endpoint(Route.GROUPS), "group", key, byName, g -> List.of(nullToEmpty(g.name())),
                        Directory::describe);
            }
            return matchOne(endpoint(Route.GROUPS), "group", key, groups(org, "displayName", key),
                    g -> List.of(nullToEmpty(g.displayName())), Directory::describe);
        });
    }

    /** A site by URL (http/https) or by id. */
    Site resolveSite(String organizationId, String urlOrId) {
        String org = required(organizationId, "organization id");
        String key = required(urlOrId, "site");
        return cache.get("site|" + org + "|" + key, () -> {
            if (!isUrl(key)) {
                return WireMapper.site(api.execute(ApiRequest.of(Route.SITE, org, key),
                        ApiCaller.json(Wire.Site.class)));
            }
            String wanted = normalizeUrl(key);
            ApiRequest request = ApiRequest.of(Route.SITES, org)
                    .query("includePersonalSites", key.toLowerCase(Locale.ROOT).contains("-my.sharepoint."));
            if (api.version().hasSiteFilter()) {
                // A keyword the site's URL must contain: without the trailing slash the user may
                // have typed, or ".../sites/hr/" would find nothing.
                request.query("filter", wanted);
            }
            List<Site> sites = withIds(Route.SITES, "site", pager.all(request, Wire.Site.class).stream()
                    .map(WireMapper::site).toList(), Site::id);
            return matchOne(endpoint(Route.SITES), "site", key, sites, s -> List.of(normalizeUrl(s.url())),
                    s -> s.url() + " (" + s.id() + ")", wanted);
        });
    }

    /** A team by id (a UUID) or display name. */
    Team resolveTeam(String organizationId, String displayNameOrId) {
        String org = required(organizationId, "organization id");
        String key = required(displayNameOrId, "team");
        return cache.get("team|" + org + "|" + key, () -> {
            if (isUuid(key)) {
                return WireMapper.team(api.execute(ApiRequest.of(Route.TEAM, org, key),
                        ApiCaller.json(Wire.Team.class)));
            }
            List<Team> teams = withIds(Route.TEAMS, "team", pager.all(ApiRequest.of(Route.TEAMS, org)
                    .query("displayName", key), Wire.Team.class).stream().map(WireMapper::team).toList(), Team::id);
            return matchOne(endpoint(Route.TEAMS), "team", key, teams, t -> List.of(nullToEmpty(t.displayName())),
                    t -> t.displayName() + " <" + t.mail() + "> (" + t.id() + ")");
        });
    }

    /**
     * Every user of the organization (all pages), for selection rules. Cached like the lookups, per {@code version}
     * of the directory: the caller moves it when the directory changed (v8 events), so a change is listed at once
     * and a reconcile that changed nothing in the directory lists nothing.
     */
    List<User> allUsers(String org, long version) {
        return cache.get("all-users|" + org + "|" + version, () -> withIds(Route.USERS, "user",
                pager.all(ApiRequest.of(Route.USERS, org), Wire.User.class).stream().map(WireMapper::user).toList(),
                User::id));
    }

    List<Group> allGroups(String org, long version) {
        return cache.get("all-groups|" + org + "|" + version, () -> withIds(Route.GROUPS, "group",
                pager.all(ApiRequest.of(Route.GROUPS, org), Wire.Group.class).stream().map(WireMapper::group)
                        .toList(), Group::id));
    }

    /** Every site, personal ones included when {@code personal}. */
    List<Site> allSites(String org, boolean personal, long version) {
        return cache.get("all-sites|" + org + "|" + personal + "|" + version, () -> withIds(Route.SITES, "site",
                pager.all(ApiRequest.of(Route.SITES, org).query("includePersonalSites", personal), Wire.Site.class)
                        .stream().map(WireMapper::site).toList(), Site::id));
    }

    List<Team> allTeams(String org, long version) {
        return cache.get("all-teams|" + org + "|" + version, () -> withIds(Route.TEAMS, "team",
                pager.all(ApiRequest.of(Route.TEAMS, org), Wire.Team.class).stream().map(WireMapper::team).toList(),
                Team::id));
    }

    void clearCache() {
        cache.clear();
    }

    // ---- helpers -------------------------------------------------------------------------------

    private List<User> users(String org, String filter, String value) {
        return withIds(Route.USERS, "user", pager.all(ApiRequest.of(Route.USERS, org).query(filter, value),
                Wire.User.class).stream().map(WireMapper::user).toList(), User::id);
    }

    private List<Group> groups(String org, String filter, String value) {
        return withIds(Route.GROUPS, "group", pager.all(ApiRequest.of(Route.GROUPS, org).query(filter, value),
                Wire.Group.class).stream().map(WireMapper::group).toList(), Group::id);
    }

    /**
     * A listed object without an id is a broken answer, not a missing object: said so, instead of
     * "not found" for a name the server may well have.
     */
    private <T> List<T> withIds(Route route, String what, List<T> listed, Function<T, String> id) {
        for (T object : listed) {
            String value = id.apply(object);
            if (value == null || value.isBlank()) {
                throw new MalformedResponseException(endpoint(route), 200, "a " + what + " in the answer has no id "
                        + "(null or missing where VB365 always sends one)", null);
            }
        }
        return listed;
    }

    private Endpoint endpoint(Route route) {
        return route.endpoint(api.version());
    }

    static <T> T matchOne(Endpoint endpoint, String what, String key, List<T> candidates,
            Function<T, List<String>> keys, Function<T, String> describe) {
        return matchOne(endpoint, what, key, candidates, keys, describe, key);
    }

    private static <T> T matchOne(Endpoint endpoint, String what, String key, List<T> candidates,
            Function<T, List<String>> keys, Function<T, String> describe, String wanted) {
        List<T> exact = candidates.stream().filter(c -> keys.apply(c).contains(wanted)).toList();
        List<T> found = !exact.isEmpty() ? exact : candidates.stream()
                .filter(c -> keys.apply(c).stream().anyMatch(k -> k.equalsIgnoreCase(wanted))).toList();
        if (found.size() == 1) {
            return found.get(0);
        }
        if (found.isEmpty()) {
            throw new NotFoundException(endpoint, 0, null, null, what + " '" + key + "' not found");
        }
        throw new AmbiguousMatchException(endpoint, what, key, found.stream().map(describe).toList());
    }

    private static <T> boolean matches(List<T> candidates, String key, Function<T, List<String>> keys) {
        return candidates.stream().anyMatch(c -> keys.apply(c).stream().anyMatch(k -> k.equalsIgnoreCase(key)));
    }

    private static String describe(User u) {
        return u.displayName() + " <" + u.name() + "> (" + u.id() + ")";
    }

    private static String describe(Group g) {
        return g.displayName() + " <" + g.name() + "> (" + g.id() + ")";
    }

    static boolean isUuid(String value) {
        return UUID.matcher(value).matches();
    }

    private static boolean isUrl(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://");
    }

    static String normalizeUrl(String url) {
        if (url == null) {
            return "";
        }
        String result = url.trim();
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value.trim();
    }
}
