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
        case User -> {
          DirectoryRules.Selection<User> s = DirectoryRules.users(rule, client.listUsers(organizationId, directoryVersion));
          s.selected().forEach(u -> add(out, objects.user(u), declare, item, ItemKey.of(item.getType(), u.id())));
          yield outcome(source, item, s, s.selected().stream().map(u -> ItemKey.of(item.getType(), u.id())).toList());
        }
        case Group -> {
          DirectoryRules.Selection<Group> s = DirectoryRules.groups(rule, client.listGroups(organizationId, directoryVersion));
          s.selected().forEach(g -> add(out, objects.group(g), declare, item, ItemKey.of(item.getType(),
              g.id())));
          yield outcome(source, item, s, s.selected().stream().map(g -> ItemKey.of(item.getType(), g.id())).toList());
        }
        case Site -> {
          DirectoryRules.Selection<Site> s = DirectoryRules.sites(rule, client.listSites(organizationId,
              Boolean.TRUE.equals(rule.getPersonal()), directoryVersion));
          s.selected().forEach(x -> add(out, objects.site(x), declare, item, ItemKey.of(item.getType(),
              x.id())));
          yield outcome(source, item, s, s.selected().stream().map(x -> ItemKey.of(item.getType(), x.id())).toList());
        }
        case Team -> {
          DirectoryRules.Selection<Team> s = DirectoryRules.teams(rule, client.listTeams(organizationId, directoryVersion));
          s.selected().forEach(t -> add(out, objects.team(t), declare, item, ItemKey.of(item.getType(),
              t.id())));
          yield outcome(source, item, s, s.selected().stream().map(t -> ItemKey.of(item.getType(), t.id())).toList());
        }
        default -> throw ReconcileFailure.terminal(Reasons.INVALID_SPEC, path + ".match selects User, Group, Site "
            + "or Team items, not " + item.getType());
      };
    } catch (dev.vb365.operator.veeam.VeeamException e) {
      throw VeeamFailures.of(e);
    }
  }

  private static void add(List<DesiredItemsMerger.Declaration> out, ItemObjects objects,
      java.util.function.Function<dev.vb365.operator.sync.BackupItem, DesiredItemsMerger.Declaration> declare,
      BackupItemSpec item, ItemKey key) {
    out.add(declare.apply(ItemSpecMapper.toItem(item, key)));
  }

  private static ReferenceResolver.RuleOutcome outcome(String source, BackupItemSpec item,
      DirectoryRules.Selection<?> s, List<ItemKey> keys) {
    return new ReferenceResolver.RuleOutcome(source, item.getType(), s.matched(), s.selected().size(), s.maxItems(),
        keys);
  }
}
