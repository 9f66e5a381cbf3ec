package dev.vb365.operator.controller;

import dev.vb365.operator.api.BackupItemSpec;
import dev.vb365.operator.api.DirectoryRule;
import dev.vb365.operator.mapping.DirectoryRules;
import dev.vb365.operator.mapping.ItemObjects;
import dev.vb365.operator.sync.DesiredItemsMerger;
import dev.vb365.operator.sync.ItemKey;
import dev.vb365.operator.sync.ItemSpecMapper;
import dev.vb365.operator.veeam.ApiVersion;
import dev.vb365.operator.veeam.VeeamClient;
import dev.vb365.operator.veeam.model.Group;
import dev.vb365.operator.veeam.model.Site;
import dev.vb365.operator.veeam.model.Team;
import dev.vb365.operator.veeam.model.User;
import java.util.List;

/**
 * The I/O side of a selection rule: one listing of the organization's users, groups, sites or teams (every page),
 * then the pure selection ({@link DirectoryRules}). Each selected object becomes a declaration with the rule entry's
 * processing options, and its directory object goes into the item bodies.
 */
final class RuleSelection {

  private RuleSelection() {
  }

  /**
   * @param source what status.rules calls the rule ("spec.selectedItems[2]", "JobItem shared")
   * @param declare the declaration of one selected object, with its source
   */
  static ReferenceResolver.RuleOutcome select(VeeamClient client, String organizationId, ItemObjects objects,
      String source, BackupItemSpec item, String path,
      java.util.function.Function<dev.vb365.operator.sync.BackupItem, DesiredItemsMerger.Declaration> declare,
      List<DesiredItemsMerger.Declaration> out, long directoryVersion) {
    DirectoryRule rule = item.getMatch();
    if (DirectoryRules.needsLicences(rule) && client.apiVersion() != ApiVersion.V8) {
      throw ReconcileFailure.terminal(Reasons.INVALID_SPEC, path + ".match: licensed and licenseSku need VB365 API v8 "
          + "(this server speaks " + client.apiVersion().segment() + ", whose users carry no licences)");
    }
    try {
      return switch (item.getType()) {
        case User -> take(source, item, declare, out, DirectoryRules.users(rule,
            client.listUsers(organizationId, directoryVersion)), User::id, objects::user);
        case Group -> take(source, item, declare, out, DirectoryRules.groups(rule,
            client.listGroups(organizationId, directoryVersion)), Group::id, objects::group);
        case Site -> take(source, item, declare, out, DirectoryRules.sites(rule, client.listSites(organizationId,
            Boolean.TRUE.equals(rule.getPersonal()), directoryVersion)), Site::id, objects::site);
        case Team -> take(source, item, declare, out, DirectoryRules.teams(rule,
            client.listTeams(organizationId, directoryVersion)), Team::id, objects::team);
        default -> throw ReconcileFailure.terminal(Reasons.INVALID_SPEC, path + ".match selects User, Group, Site "
            + "or Team items, not " + item.getType());
      };
    } catch (dev.vb365.operator.veeam.VeeamException e) {
      throw VeeamFailures.of(e);
    }
  }

  /**
   * Declares each selected object with the rule entry's options (its directory object goes into the item bodies)
   * and says what the rule took.
   */
  private static <T> ReferenceResolver.RuleOutcome take(String source, BackupItemSpec item,
      java.util.function.Function<dev.vb365.operator.sync.BackupItem, DesiredItemsMerger.Declaration> declare,
      List<DesiredItemsMerger.Declaration> out, DirectoryRules.Selection<T> selection,
      java.util.function.Function<T, String> id, java.util.function.Consumer<T> register) {
    List<ItemKey> keys = new java.util.ArrayList<>();
    for (T object : selection.selected()) {
      register.accept(object);
      ItemKey key = ItemKey.of(item.getType(), id.apply(object));
      keys.add(key);
      out.add(declare.apply(ItemSpecMapper.toItem(item, key)));
    }
    return new ReferenceResolver.RuleOutcome(source, item.getType(), selection.matched(), keys.size(),
        selection.maxItems(), keys);
  }
}
