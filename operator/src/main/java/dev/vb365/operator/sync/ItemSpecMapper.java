package dev.vb365.operator.sync;

import dev.vb365.operator.api.ItemType;
import dev.vb365.operator.api.BackupItemSpec;
import dev.vb365.operator.api.NamedReference;
import dev.vb365.operator.api.SiteReference;
import dev.vb365.operator.api.TeamReference;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Between a spec item (BackupJob selectedItems/excludedItems entry, or a JobItem) and the domain
 * {@link BackupItem}. {@link #validate} repeats the CRD's schema and CEL rules, because an API
 * server that does not enforce them (the mock server, an old cluster) must not let a bad item through.
 */
public final class ItemSpecMapper {

  private static final Pattern URL = Pattern.compile("^https?://\\S+$");

  /** Every processing option of the spec, with the item types it applies to (v8 RESTJob*Item). */
  private static final Map<String, Option> OPTIONS = new LinkedHashMap<>();

  static {
    option("mailbox", BackupItemSpec::getMailbox, BackupItemSpec::setMailbox,
        ItemType.User, ItemType.Group, ItemType.PartialOrganization);
    option("archiveMailbox", BackupItemSpec::getArchiveMailbox, BackupItemSpec::setArchiveMailbox,
        ItemType.User, ItemType.PartialOrganization);
    option("oneDrive", BackupItemSpec::getOneDrive, BackupItemSpec::setOneDrive,
        ItemType.User, ItemType.PartialOrganization);
    option("personalSite", BackupItemSpec::getPersonalSite, BackupItemSpec::setPersonalSite, ItemType.User);
    option("sites", BackupItemSpec::getSites, BackupItemSpec::setSites, ItemType.PartialOrganization);
    option("teams", BackupItemSpec::getTeams, BackupItemSpec::setTeams, ItemType.PartialOrganization);
    option("teamsChats", BackupItemSpec::getTeamsChats, BackupItemSpec::setTeamsChats,
        ItemType.Team, ItemType.PartialOrganization);
    option("members", BackupItemSpec::getMembers, BackupItemSpec::setMembers, ItemType.Group);
    option("memberMailbox", BackupItemSpec::getMemberMailbox, BackupItemSpec::setMemberMailbox, ItemType.Group);
    option("memberArchiveMailbox", BackupItemSpec::getMemberArchiveMailbox, BackupItemSpec::setMemberArchiveMailbox,
        ItemType.Group);
    option("memberOneDrive", BackupItemSpec::getMemberOneDrive, BackupItemSpec::setMemberOneDrive, ItemType.Group);
    option("memberSite", BackupItemSpec::getMemberSite, BackupItemSpec::setMemberSite, ItemType.Group);
    option("groupSite", BackupItemSpec::getGroupSite, BackupItemSpec::setGroupSite, ItemType.Group);
  }

  private record Option(Function<BackupItemSpec, Boolean> get, BiConsumer<BackupItemSpec, Boolean> set,
      Set<ItemType> types) {
  }

  private static void option(String name, Function<BackupItemSpec, Boolean> get,
      BiConsumer<BackupItemSpec, Boolean> set, ItemType first, ItemType... rest) {
    OPTIONS.put(name, new Option(get, set, EnumSet.of(first, rest)));
  }

  private ItemSpecMapper() {
  }

  /** Errors of one item, with paths relative to it ("user", "mailbox"); empty when valid. */
  public static List<FieldError> validate(BackupItemSpec spec) {
    List<FieldError> errors = new ArrayList<>();
    if (spec == null) {
      errors.add(new FieldError("", "an item cannot be empty"));
      return errors;
    }
    if (spec.getType() == null) {
      errors.add(new FieldError("type", "required: User, Group, Site, Team, PartialOrganization, PersonalSites or "
          + "OneDriveFolders"));
      return errors;
    }
    ItemType type = domainType(spec);
    boolean rule = spec.getMatch() != null;
    if (rule) {
      RuleValidation.of(type, spec.getMatch()).forEach(e -> errors.add(e.under("match")));
    }
    if (rule && spec.getUser() != null) {
      errors.add(new FieldError("user", "not allowed beside match: the rule selects the objects"));
    } else {
      presence(errors, "user", spec.getUser() != null, type == ItemType.User && !rule, type);
    }
    if (rule && spec.getGroup() != null) {
      errors.add(new FieldError("group", "not allowed beside match: the rule selects the objects"));
    } else {
      presence(errors, "group", spec.getGroup() != null, type == ItemType.Group && !rule, type);
    }
    if (rule && spec.getSite() != null) {
      errors.add(new FieldError("site", "not allowed beside match: the rule selects the objects"));
    } else {
      presence(errors, "site", spec.getSite() != null, type == ItemType.Site && !rule, type);
    }
    if (rule && spec.getTeam() != null) {
      errors.add(new FieldError("team", "not allowed beside match: the rule selects the objects"));
    } else {
      presence(errors, "team", spec.getTeam() != null, type == ItemType.Team && !rule, type);
    }
    presence(errors, "folders", spec.getFolders() != null, type == ItemType.OneDriveFolders, type);
    if (spec.getUser() != null) {
      named(errors, "user", spec.getUser());
    }
    if (spec.getGroup() != null) {
      named(errors, "group", spec.getGroup());
    }
    if (spec.getSite() != null) {
      site(errors, spec.getSite());
    }
    if (spec.getTeam() != null) {
      team(errors, spec.getTeam());
    }
    if (spec.getFolders() != null) {
      folders(errors, spec.getFolders());
    }
    for (Map.Entry<String, Option> e : OPTIONS.entrySet()) {
      if (e.getValue().get().apply(spec) != null && !e.getValue().types().contains(type)) {
        errors.add(new FieldError(e.getKey(), "applies only to " + typesText(e.getValue().types())
            + " items, not to " + type));
      }
    }
    return errors;
  }

  private static void presence(List<FieldError> errors, String field, boolean present, boolean wanted, ItemType type) {
    if (wanted && !present) {
      boolean byRule = type == ItemType.User || type == ItemType.Group || type == ItemType.Site
          || type == ItemType.Team;
      errors.add(new FieldError(field, "required when type is " + type + (byRule ? " (or match, to select by rule)"
          : "")));
    } else if (!wanted && present) {
      errors.add(new FieldError(field, "not allowed when type is " + type));
    }
  }

  private static void named(List<FieldError> errors, String field, NamedReference ref) {
    if ((ref.getName() == null) == (ref.getId() == null)) {
      errors.add(new FieldError(field, "set exactly one of name or id"));
    }
    notBlank(errors, field + ".name", ref.getName());
    notBlank(errors, field + ".id", ref.getId());
  }

  private static void site(List<FieldError> errors, SiteReference ref) {
    long set = java.util.stream.Stream.of(ref.getUrl(), ref.getName(), ref.getId()).filter(Objects::nonNull).count();
    if (set != 1) {
      errors.add(new FieldError("site", "set exactly one of url, name or id"));
    }
    if (ref.getUrl() != null && !URL.matcher(ref.getUrl()).matches()) {
      errors.add(new FieldError("site.url", "\"" + ref.getUrl() + "\" is not an http(s) URL"));
    }
    notBlank(errors, "site.name", ref.getName());
    notBlank(errors, "site.id", ref.getId());
  }

  private static void team(List<FieldError> errors, TeamReference ref) {
    long set = java.util.stream.Stream.of(ref.getName(), ref.getMail(), ref.getId()).filter(Objects::nonNull).count();
    if (set != 1) {
      errors.add(new FieldError("team", "set exactly one of name, mail or id"));
    }
    notBlank(errors, "team.name", ref.getName());
    notBlank(errors, "team.mail", ref.getMail());
    notBlank(errors, "team.id", ref.getId());
  }

  private static void folders(List<FieldError> errors, List<String> folders) {
    if (folders.isEmpty()) {
      errors.add(new FieldError("folders", "name at least one folder"));
    }
    for (int i = 0; i < folders.size(); i++) {
      notBlank(errors, "folders[" + i + "]", folders.get(i) == null ? "" : folders.get(i));
    }
  }

  private static void notBlank(List<FieldError> errors, String field, String value) {
    if (value != null && value.isBlank()) {
      errors.add(new FieldError(field, "cannot be empty"));
    }
  }

  private static String typesText(Set<ItemType> types) {
    List<String> names = types.stream().map(Enum::name).toList();
    if (names.size() == 1) {
      return names.get(0);
    }
    return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
  }

  /** The domain type of a spec item. */
  public static ItemType domainType(BackupItemSpec spec) {
    return spec.getType();
  }

  /**
   * What the resolve step must look up. The spec must be valid ({@link #validate}) and name one object (no
   * {@code match}: a rule is resolved by the resolve step).
   */
  public static ItemReference reference(BackupItemSpec spec) {
    requireValid(spec);
    if (spec.getMatch() != null) {
      throw new IllegalArgumentException("a rule names no single object: " + spec);
    }
    ItemType type = domainType(spec);
    return switch (type) {
      case User -> named(type, spec.getUser());
      case Group -> named(type, spec.getGroup());
      case Site -> spec.getSite().getId() != null ? new ItemReference(type, ItemReference.By.Id, spec.getSite().getId())
          : spec.getSite().getUrl() != null ? new ItemReference(type, ItemReference.By.Url, spec.getSite().getUrl())
          : new ItemReference(type, ItemReference.By.Name, spec.getSite().getName());
      case Team -> spec.getTeam().getId() != null ? new ItemReference(type, ItemReference.By.Id, spec.getTeam().getId())
          : spec.getTeam().getMail() != null ? new ItemReference(type, ItemReference.By.Mail, spec.getTeam().getMail())
          : new ItemReference(type, ItemReference.By.Name, spec.getTeam().getName());
      case PartialOrganization, PersonalSites, OneDriveFolders -> ItemReference.singleton(type);
    };
  }

  private static ItemReference named(ItemType type, NamedReference ref) {
    return ref.getId() != null ? new ItemReference(type, ItemReference.By.Id, ref.getId())
        : new ItemReference(type, ItemReference.By.Name, ref.getName());
  }

  /**
   * The processing options a spec item means: if it sets none of its type's options, all of them
   * are on except teamsChats; once it sets any, the unset ones are off.
   */
  public static ItemOptions options(BackupItemSpec spec) {
    requireValid(spec);
    ItemType type = domainType(spec);
    if (type == ItemType.OneDriveFolders) {
      return new ItemOptions.FolderOptions(spec.getFolders());
    }
    boolean noneSet = OPTIONS.values().stream().noneMatch(o -> o.types().contains(type) && o.get().apply(spec) != null);
    if (noneSet) {
      return ItemOptions.defaultsFor(type);
    }
    return switch (type) {
      case User -> new ItemOptions.UserOptions(on(spec.getMailbox()), on(spec.getArchiveMailbox()),
          on(spec.getOneDrive()), on(spec.getPersonalSite()));
      case Group -> new ItemOptions.GroupOptions(on(spec.getMailbox()), on(spec.getGroupSite()), on(spec.getMembers()),
          on(spec.getMemberMailbox()), on(spec.getMemberArchiveMailbox()), on(spec.getMemberOneDrive()),
          on(spec.getMemberSite()));
      case Team -> new ItemOptions.TeamOptions(on(spec.getTeamsChats()));
      case PartialOrganization -> new ItemOptions.OrganizationOptions(on(spec.getMailbox()),
          on(spec.getArchiveMailbox()), on(spec.getOneDrive()), on(spec.getSites()), on(spec.getTeams()),
          on(spec.getTeamsChats()));
      case Site, PersonalSites -> new ItemOptions.NoOptions(type);
      case OneDriveFolders -> throw new IllegalStateException("handled above");
    };
  }

  /** The domain item, given the key the resolve step found for {@link #reference(BackupItemSpec)}. */
  public static BackupItem toItem(BackupItemSpec spec, ItemKey key) {
    ItemOptions options = options(spec);
    if (key.type() != options.type()) {
      throw new IllegalArgumentException("resolved " + key + " for a " + options.type() + " item");
    }
    return new BackupItem(key, options);
  }

  /**
   * A spec item for export: the object by id (the exporter may swap in a name), the options in
   * the shortest form that means the same (none when they are the defaults, else the ones that are on).
   */
  public static BackupItemSpec toSpec(BackupItem item) {
    BackupItemSpec spec = new BackupItemSpec();
    ItemType type = item.type();
    spec.setType(type);
    String id = item.key().objectId();
    switch (type) {
      case User -> spec.setUser(NamedReference.byId(id));
      case Group -> spec.setGroup(NamedReference.byId(id));
      case Site -> spec.setSite(new SiteReference(null, null, id));
      case Team -> spec.setTeam(new TeamReference(null, null, id));
      default -> {
      }
    }
    ItemOptions options = item.options();
    if (options instanceof ItemOptions.FolderOptions folders) {
      spec.setFolders(folders.folders());
      return spec;
    }
    if (options instanceof ItemOptions.NoOptions || options.equals(ItemOptions.defaultsFor(type))) {
      return spec;
    }
    Map<String, Object> values = options.values();
    boolean anyOn = values.containsValue(Boolean.TRUE);
    for (Map.Entry<String, Object> e : values.entrySet()) {
      boolean value = (Boolean) e.getValue();
      // Only the options that are on, unless none is: then all of them, explicitly off.
      if (value || !anyOn) {
        OPTIONS.get(e.getKey()).set().accept(spec, value);
      }
    }
    return spec;
  }

  private static boolean on(Boolean value) {
    return Boolean.TRUE.equals(value);
  }

  private static void requireValid(BackupItemSpec spec) {
    InvalidSpecException.throwIfAny(validate(spec));
  }
}
