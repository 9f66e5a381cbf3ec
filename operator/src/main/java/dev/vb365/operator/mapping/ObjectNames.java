package dev.vb365.operator.mapping;

import dev.vb365.operator.veeam.model.Group;
import dev.vb365.operator.veeam.model.JobItem;
import dev.vb365.operator.veeam.model.Site;
import dev.vb365.operator.veeam.model.Team;
import dev.vb365.operator.veeam.model.User;

/**
 * The name people know a directory object by, as a spec would write it: a user's UPN, a group's name (usually its
 * mail), a site's URL, a team's display name; the display name or title when VB365 sends no such field. Null when
 * VB365 sends none (an object known by id only). Pure.
 */
final class ObjectNames {

  private ObjectNames() {
  }

  static String of(User user) {
    return user == null ? null : first(user.name(), user.displayName());
  }

  static String of(Group group) {
    return group == null ? null : first(group.name(), group.displayName());
  }

  static String of(Site site) {
    return site == null ? null : first(site.url(), site.title(), site.name());
  }

  static String of(Team team) {
    return team == null ? null : first(team.displayName(), team.mail());
  }

  /** The object of a job item, by the item's type; null for the types that name no object. */
  static String of(JobItem item) {
    return switch (item.type()) {
      case USER -> of(item.user());
      case GROUP -> of(item.group());
      case SITE -> of(item.site());
      case TEAM -> of(item.team());
      default -> null;
    };
  }

  private static String first(String... candidates) {
    for (String candidate : candidates) {
      if (candidate != null && !candidate.isBlank()) {
        return candidate.strip();
      }
    }
    return null;
  }
}
