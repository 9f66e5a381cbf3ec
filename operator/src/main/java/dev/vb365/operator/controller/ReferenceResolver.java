package dev.vb365.operator.controller;

import dev.vb365.operator.api.BackupItemSpec;
import dev.vb365.operator.api.BackupJobSpec;
import dev.vb365.operator.api.JobItem;
import dev.vb365.operator.api.NamedReference;
import dev.vb365.operator.mapping.ItemObjects;
import dev.vb365.operator.sync.DesiredItemsMerger;
import dev.vb365.operator.sync.DesiredJobMapper;
import dev.vb365.operator.sync.FieldError;
import dev.vb365.operator.sync.ItemKey;
import dev.vb365.operator.sync.ItemReference;
import dev.vb365.operator.sync.ItemSpecMapper;
import dev.vb365.operator.sync.MissingItems;
import dev.vb365.operator.sync.Scope;
import dev.vb365.operator.sync.SpecValidation;
import dev.vb365.operator.veeam.VeeamClient;
import dev.vb365.operator.veeam.VeeamException;
import dev.vb365.operator.veeam.model.Group;
import dev.vb365.operator.veeam.model.Site;
import dev.vb365.operator.veeam.model.Team;
import dev.vb365.operator.veeam.model.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The "resolve" step: the names a BackupJob and its JobItems use, turned into VB365 ids through the
 * client's cached lookups, and the items merged into one desired list per scope. A name the
 * BackupJob itself uses that cannot be resolved fails the reconcile (with a reason naming the kind
 * of object); a JobItem's failure is that JobItem's own problem and the rest goes on.
 */
final class ReferenceResolver {

  /** What the resolve step found. */
  record Resolution(String organizationId, String repositoryId, DesiredItemsMerger.Result items,
      ItemObjects objects, Map<String, Conditions.Verdict> jobItemProblems, Map<String, ItemKey> declaredKeys,
      List<Named> named, List<RuleOutcome> rules, List<MissingItems.Missing> missing,
      Map<MissingItems.Missing, ReconcileFailure> missingFailures) {

    /** Without the record of named items, rules and missing ones (for callers that do not report them). */
    Resolution(String organizationId, String repositoryId, DesiredItemsMerger.Result items, ItemObjects objects,
        Map<String, Conditions.Verdict> jobItemProblems, Map<String, ItemKey> declaredKeys) {
      this(organizationId, repositoryId, items, objects, jobItemProblems, declaredKeys, List.of(), List.of(),
          List.of(), Map.of());
    }
  }

  /** What one selection rule selected: how many objects matched, how many it took (at most maxItems). */
  record RuleOutcome(String source, dev.vb365.operator.api.ItemType type, int matched, int selected, int maxItems,
      List<ItemKey> keys) {
    RuleOutcome {
      keys = List.copyOf(keys);
    }

    boolean capped() {
      return matched > selected;
    }
  }

  /** An item named by anything but its id (UPN, name, URL), and the directory object id it resolved to. */
  record Named(Scope scope, dev.vb365.operator.api.ItemType type, String name, String id) {
  }

  private static final java.util.Set<String> NOT_FOUND = java.util.Set.of(Reasons.USER_NOT_FOUND,
      Reasons.GROUP_NOT_FOUND, Reasons.SITE_NOT_FOUND, Reasons.TEAM_NOT_FOUND);

  private ReferenceResolver() {
  }

  static Resolution resolve(VeeamClient client, BackupJobSpec spec, List<JobItem> jobItems) {
    return resolve(client, spec, jobItems, org -> 0L);
  }

  /**
   * @param directoryVersion the version of an organization's directory as far as the change feed knows (moved by
   *     each v8 directory event): the rules' listings are cached per version
   */
  static Resolution resolve(VeeamClient client, BackupJobSpec spec, List<JobItem> jobItems,
      java.util.function.ToLongFunction<String> directoryVersion) {
    String organizationId = organization(client, spec.getOrganization());
    String repositoryId = repository(client, spec.getRepository());
    ItemObjects objects = ItemObjects.none();
    List<Named> named = new ArrayList<>();
    List<RuleOutcome> rules = new ArrayList<>();
    Map<MissingItems.Missing, ReconcileFailure> missing = new LinkedHashMap<>();
    List<DesiredItemsMerger.Declaration> inline = new ArrayList<>();
    long version = directoryVersion.applyAsLong(organizationId);
    inline(client, organizationId, objects, Scope.Selected, spec.getSelectedItems(), inline, named, rules, version,
        missing);
    inline(client, organizationId, objects, Scope.Excluded, spec.getExcludedItems(), inline, named, rules, version,
        missing);

    Map<String, Conditions.Verdict> problems = new LinkedHashMap<>();
    Map<String, ItemKey> keys = new LinkedHashMap<>();
    List<DesiredItemsMerger.Declaration> declared = new ArrayList<>();
    for (JobItem jobItem : jobItems) {
      String name = jobItem.getMetadata().getName();
      List<FieldError> errors = SpecValidation.of(jobItem.getSpec());
      if (!errors.isEmpty()) {
        problems.put(name, Conditions.Verdict.isFalse(Reasons.INVALID_SPEC,
            errors.stream().map(FieldError::toString).collect(Collectors.joining("; "))));
        continue;
      }
      try {
        if (jobItem.getSpec().getMatch() != null) {
          Scope scope = Scope.valueOf(jobItem.getSpec().effectiveScope().name());
          Instant created = createdAt(jobItem);
          rules.add(RuleSelection.select(client, organizationId, objects, "JobItem " + name, jobItem.getSpec(),
              "JobItem " + name + " spec", b -> DesiredItemsMerger.Declaration.jobItemRule(name, created, scope, b),
              declared, version));
          continue;
        }
        ItemReference ref = ItemSpecMapper.reference(jobItem.getSpec());
        ItemKey key = lookUp(client, organizationId, objects, ref, "JobItem " + name);
        Scope scope = Scope.valueOf(jobItem.getSpec().effectiveScope().name());
        keys.put(name, key);
        noteNamed(named, scope, ref, key);
        declared.add(DesiredItemsMerger.Declaration.jobItem(name, createdAt(jobItem), scope,
            ItemSpecMapper.toItem(jobItem.getSpec(), key)));
      } catch (ReconcileFailure f) {
        if (f.retry() == ReconcileFailure.Retry.TRANSIENT) {
          throw f; // VB365 trouble, not the JobItem's: the whole reconcile retries
        }
        problems.put(name, Conditions.Verdict.isFalse(f.reason(), f.getMessage()));
      }
    }
    DesiredItemsMerger.Result merged = DesiredItemsMerger.merge(DesiredJobMapper.backupType(spec), inline, declared);
    return new Resolution(organizationId, repositoryId, merged, objects, problems, keys, named, rules,
        List.copyOf(missing.keySet()), missing);
  }

  private static String organization(VeeamClient client, NamedReference ref) {
    String key = ref.getId() != null ? ref.getId() : ref.getName();
    try {
      return client.resolveOrganization(key).id();
    } catch (VeeamException e) {
      throw VeeamFailures.lookup(Reasons.ORGANIZATION_NOT_FOUND, "spec.organization " + ref, e);
    }
  }

  private static String repository(VeeamClient client, NamedReference ref) {
    String key = ref.getId() != null ? ref.getId() : ref.getName();
    try {
      return client.resolveRepository(key).id();
    } catch (VeeamException e) {
      throw VeeamFailures.lookup(Reasons.REPOSITORY_NOT_FOUND, "spec.repository " + ref, e);
    }
  }

  private static void inline(VeeamClient client, String organizationId, ItemObjects objects, Scope scope,
      List<BackupItemSpec> items, List<DesiredItemsMerger.Declaration> out, List<Named> named,
      List<RuleOutcome> rules, long directoryVersion, Map<MissingItems.Missing, ReconcileFailure> missing) {
    if (items == null) {
      return;
    }
    for (int i = 0; i < items.size(); i++) {
      BackupItemSpec item = items.get(i);
      String path = "spec." + scope.specField() + "[" + i + "]";
      if (item.getMatch() != null) {
        int index = i;
        rules.add(RuleSelection.select(client, organizationId, objects, path, item, path,
            b -> DesiredItemsMerger.Declaration.rule(scope, index, b), out, directoryVersion));
        continue;
      }
      ItemReference ref = ItemSpecMapper.reference(item);
      ItemKey key;
      try {
        key = lookUp(client, organizationId, objects, ref, path);
      } catch (ReconcileFailure f) {
        if (!NOT_FOUND.contains(f.reason()) || ref.by() == ItemReference.By.Id) {
          throw f;
        }
        // Gone from the directory, or never there: the job, once observed, says which (MissingItems).
        missing.put(new MissingItems.Missing(scope, path, ref), f);
        continue;
      }
      noteNamed(named, scope, ref, key);
      out.add(DesiredItemsMerger.Declaration.inline(scope, i, ItemSpecMapper.toItem(item, key)));
    }
  }

  private static void noteNamed(List<Named> named, Scope scope, ItemReference ref, ItemKey key) {
    if (!ref.isSingleton() && ref.by() != ItemReference.By.Id && key.objectId() != null) {
      named.add(new Named(scope, ref.type(), ref.value(), key.objectId()));
    }
  }

  /** The item key of a reference, looking the object up when the spec names it by anything but its id. */
  static ItemKey lookUp(VeeamClient client, String organizationId, ItemObjects objects, ItemReference ref,
      String where) {
    if (ref.isSingleton()) {
      return ItemKey.singleton(ref.type());
    }
    String what = where + ": " + ref.type().name().toLowerCase(java.util.Locale.ROOT) + " "
        + (ref.by() == ItemReference.By.Id ? "id " : "") + "\"" + ref.value() + "\"";
    try {
      switch (ref.type()) {
        case User -> {
          if (ref.by() == ItemReference.By.Id) {
            return ItemKey.of(ref.type(), ref.value());
          }
          User user = client.resolveUser(organizationId, ref.value());
          objects.user(user);
          return ItemKey.of(ref.type(), user.id());
        }
        case Group -> {
          if (ref.by() == ItemReference.By.Id) {
            return ItemKey.of(ref.type(), ref.value());
          }
          Group group = client.resolveGroup(organizationId, ref.value());
          objects.group(group);
          return ItemKey.of(ref.type(), group.id());
        }
        case Site -> {
          if (ref.by() == ItemReference.By.Name) {
            // The client looks sites up by url or id only (VB365 has no site name filter on every version).
            throw ReconcileFailure.slow(Reasons.SITE_NOT_FOUND, what + ": looking a site up by name is not "
                + "supported; name it by url or id");
          }
          // Sites are looked up even by id: VB365 wants the site's url and title in the item. A trailing
          // slash is dropped: the client sends the URL as a search keyword, which then finds nothing.
          Site site = client.resolveSite(organizationId, ref.by() == ItemReference.By.Url
              ? ref.value().replaceAll("/+$", "") : ref.value());
          objects.site(site);
          return ItemKey.of(ref.type(), site.id());
        }
        case Team -> {
          if (ref.by() == ItemReference.By.Mail) {
            throw ReconcileFailure.slow(Reasons.TEAM_NOT_FOUND, what + ": looking a team up by mail is not "
                + "supported; name it by name or id");
          }
          Team team = client.resolveTeam(organizationId, ref.value());
          objects.team(team);
          return ItemKey.of(ref.type(), team.id());
        }
        default -> throw new IllegalStateException("not an object type: " + ref.type());
      }
    } catch (VeeamException e) {
      throw VeeamFailures.lookup(notFoundReason(ref), what, e);
    }
  }

  private static String notFoundReason(ItemReference ref) {
    return switch (ref.type()) {
      case User -> Reasons.USER_NOT_FOUND;
      case Group -> Reasons.GROUP_NOT_FOUND;
      case Site -> Reasons.SITE_NOT_FOUND;
      case Team -> Reasons.TEAM_NOT_FOUND;
      default -> Reasons.REJECTED;
    };
  }

  private static Instant createdAt(JobItem jobItem) {
    String created = jobItem.getMetadata().getCreationTimestamp();
    try {
      return created == null ? null : Instant.parse(created);
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }
}
