package dev.vb365.operator.mapping;

import dev.vb365.operator.api.DirectoryRule;
import dev.vb365.operator.api.GroupType;
import dev.vb365.operator.api.MailboxType;
import dev.vb365.operator.veeam.model.Group;
import dev.vb365.operator.veeam.model.Site;
import dev.vb365.operator.veeam.model.Team;
import dev.vb365.operator.veeam.model.User;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Selection rules, pure: which directory objects a {@link DirectoryRule} selects (the rule's validity is
 * {@link dev.vb365.operator.sync.RuleValidation}). All
 * of a rule's conditions must hold; an unset condition does not filter. The selection is sorted by name (UPN, group
 * name, site URL, team name) and cut at maxItems, so that the same directory always gives the same items.
 */
public final class DirectoryRules {

  /** What a rule selected: the objects (at most maxItems) and how many matched in all. */
  public record Selection<T>(List<T> selected, int matched, int maxItems) {
    public Selection {
      selected = List.copyOf(selected);
    }

    public boolean capped() {
      return matched > selected.size();
    }
  }

  private DirectoryRules() {
  }

  /** Whether the rule needs what only API v8 reports (licences). */
  public static boolean needsLicences(DirectoryRule rule) {
    return rule.getLicensed() != null || rule.getLicenseSku() != null;
  }

  public static Selection<User> users(DirectoryRule rule, List<User> users) {
    Pattern name = glob(rule.getNamePattern());
    return select(rule, users, User::name, u -> (rule.getUserTypes() == null || rule.getUserTypes().stream()
            .map(MailboxType::name).anyMatch(t -> t.equalsIgnoreCase(u.type())))
        && (rule.getOffices() == null || rule.getOffices().stream().anyMatch(o -> o.trim().equalsIgnoreCase(
            u.office() == null ? "" : u.office().trim())))
        && (rule.getLicensed() == null || rule.getLicensed() == (u.licenses() != null && !u.licenses().isEmpty()))
        && (rule.getLicenseSku() == null || u.licenses() != null && u.licenses().stream()
            .anyMatch(l -> l.equalsIgnoreCase(rule.getLicenseSku().trim())))
        && (name == null || u.name() != null && name.matcher(u.name()).matches()));
  }

  public static Selection<Group> groups(DirectoryRule rule, List<Group> groups) {
    Pattern name = glob(rule.getNamePattern());
    return select(rule, groups, Group::name, g -> (rule.getGroupTypes() == null || rule.getGroupTypes().stream()
            .map(GroupType::name).anyMatch(t -> t.equalsIgnoreCase(g.type())))
        && (name == null || g.name() != null && name.matcher(g.name()).matches()));
  }

  /** Sites: personal ones only when the rule says personal: true, else only those that are not. */
  public static Selection<Site> sites(DirectoryRule rule, List<Site> sites) {
    Pattern url = glob(rule.getUrlPattern() == null ? null : withoutSlash(rule.getUrlPattern()));
    boolean personal = Boolean.TRUE.equals(rule.getPersonal());
    return select(rule, sites, Site::url, s -> Boolean.TRUE.equals(s.isPersonal()) == personal
        && (url == null || s.url() != null && url.matcher(withoutSlash(s.url())).matches()));
  }

  public static Selection<Team> teams(DirectoryRule rule, List<Team> teams) {
    Pattern name = glob(rule.getNamePattern());
    return select(rule, teams, Team::displayName,
        t -> name == null || t.displayName() != null && name.matcher(t.displayName()).matches());
  }

  /** A glob as a case-insensitive regular expression: * any run of characters, ? one, all else literal. */
  static Pattern glob(String glob) {
    if (glob == null) {
      return null;
    }
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (char c : glob.trim().toCharArray()) {
      if (c == '*' || c == '?') {
        if (!literal.isEmpty()) {
          regex.append(Pattern.quote(literal.toString()));
          literal.setLength(0);
        }
        regex.append(c == '*' ? ".*" : ".");
      } else {
        literal.append(c);
      }
    }
    if (!literal.isEmpty()) {
      regex.append(Pattern.quote(literal.toString()));
    }
    return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
  }

  private static <T> Selection<T> select(DirectoryRule rule, List<T> objects, Function<T, String> name,
      java.util.function.Predicate<T> matches) {
    List<T> matched = objects.stream().filter(matches)
        .sorted(Comparator.comparing(o -> name.apply(o) == null ? "" : name.apply(o).toLowerCase(Locale.ROOT)))
        .toList();
    int max = rule.effectiveMaxItems();
    return new Selection<>(matched.size() > max ? matched.subList(0, max) : matched, matched.size(), max);
  }

  private static String withoutSlash(String url) {
    String u = url.trim();
    return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
  }
}
