package dev.vb365.operator.mapping;

import dev.vb365.operator.sync.BackupItem;
import dev.vb365.operator.sync.ItemKey;
import dev.vb365.operator.sync.ItemOptions;
import dev.vb365.operator.api.ItemType;
import dev.vb365.operator.sync.ObservedItem;
import dev.vb365.operator.veeam.model.JobItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Between VB365 job items (the client's model) and domain {@link BackupItem}s. Pure. VB365's null
 * and false mean the same for processing options, so both read as false; writing sends every
 * option of the type explicitly (the simulator and VB365 treat an absent option as false).
 */
public final class ItemMapping {

  private static final Logger LOG = LoggerFactory.getLogger(ItemMapping.class);

  private ItemMapping() {
  }

  /** The items of a list VB365 returned; items this operator cannot read are left out (and logged). */
  public static List<ObservedItem> toObserved(List<JobItem> items) {
    List<ObservedItem> out = new ArrayList<>();
    for (JobItem item : items) {
      toObserved(item).ifPresent(out::add);
    }
    return out;
  }

  /**
   * One item, or empty when it has no id, an unknown type or no object id: such an item is not the
   * operator's to judge, so it is neither kept nor removed.
   */
  public static Optional<ObservedItem> toObserved(JobItem item) {
    if (item.id() == null) {
      LOG.warn("VB365 listed a {} item without an id; ignoring it", item.type());
      return Optional.empty();
    }
    try {
      return Optional.of(new ObservedItem(item.id(), toDomain(item), ObjectNames.of(item)));
    } catch (UnreadableJobException e) {
      LOG.warn("Ignoring VB365 item {}: {}", item.id(), e.getMessage());
      return Optional.empty();
    }
  }

  /** The domain item a VB365 item describes. */
  public static BackupItem toDomain(JobItem item) {
    ItemType type = domainType(item.type());
    ItemKey key = switch (type) {
      case User -> ItemKey.of(type, objectId(item.user() == null ? null : item.user().id(), item));
      case Group -> ItemKey.of(type, objectId(item.group() == null ? null : item.group().id(), item));
      case Site -> ItemKey.of(type, objectId(item.site() == null ? null : item.site().id(), item));
      case Team -> ItemKey.of(type, objectId(item.team() == null ? null : item.team().id(), item));
      case PartialOrganization, PersonalSites, OneDriveFolders -> ItemKey.singleton(type);
    };
    ItemOptions options = switch (type) {
      case User -> new ItemOptions.UserOptions(on(item.mailbox()), on(item.archiveMailbox()), on(item.oneDrive()),
          on(item.personalSite()));
      case Group -> new ItemOptions.GroupOptions(on(item.mailbox()), on(item.groupSite()), on(item.members()),
          on(item.memberMailbox()), on(item.memberArchiveMailbox()), on(item.memberOneDrive()),
          on(item.memberSite()));
      case Team -> new ItemOptions.TeamOptions(on(item.teamsChats()));
      case PartialOrganization -> new ItemOptions.OrganizationOptions(on(item.mailbox()), on(item.archiveMailbox()),
          on(item.oneDrive()), on(item.sites()), on(item.teams()), on(item.teamsChats()));
      case Site, PersonalSites -> new ItemOptions.NoOptions(type);
      case OneDriveFolders -> {
        if (item.folders() == null || item.folders().stream().allMatch(f -> f == null || f.isBlank())) {
          throw new UnreadableJobException("a OneDriveFolders item without folders");
        }
        yield new ItemOptions.FolderOptions(item.folders());
      }
    };
    return new BackupItem(key, options);
  }

  /** The body of an item to add (no id) or, with {@code itemId}, to edit. */
  public static JobItem toVeeam(BackupItem item, ItemObjects objects, String itemId) {
    ItemKey key = item.key();
    ItemOptions options = item.options();
    JobItem body;
    if (options instanceof ItemOptions.UserOptions o) {
      body = JobItem.user(objects.userOf(key), o.mailbox(), o.archiveMailbox(), o.oneDrive(), o.personalSite());
    } else if (options instanceof ItemOptions.GroupOptions o) {
      body = JobItem.group(objects.groupOf(key), o.members(), o.memberMailbox(), o.memberArchiveMailbox(),
          o.memberOneDrive(), o.memberSite(), o.mailbox(), o.groupSite());
    } else if (options instanceof ItemOptions.TeamOptions o) {
      body = JobItem.team(objects.teamOf(key), o.teamsChats());
    } else if (options instanceof ItemOptions.OrganizationOptions o) {
      body = JobItem.partialOrganization(o.mailbox(), o.archiveMailbox(), o.oneDrive(), o.sites(), o.teams(),
          o.teamsChats());
    } else if (options instanceof ItemOptions.FolderOptions o) {
      body = JobItem.oneDriveFolders(o.folders());
    } else {
      body = options.type() == ItemType.Site ? JobItem.site(objects.siteOf(key)) : JobItem.personalSites();
    }
    return itemId == null ? body : body.withId(itemId);
  }

  public static List<JobItem> toVeeam(List<BackupItem> items, ItemObjects objects) {
    return items.stream().map(i -> toVeeam(i, objects, null)).toList();
  }

  private static ItemType domainType(dev.vb365.operator.veeam.model.ItemType type) {
    if (type == null) {
      throw new UnreadableJobException("an item without a type");
    }
    return switch (type) {
      case USER -> ItemType.User;
      case GROUP -> ItemType.Group;
      case SITE -> ItemType.Site;
      case TEAM -> ItemType.Team;
      case PARTIAL_ORGANIZATION -> ItemType.PartialOrganization;
      case PERSONAL_SITES -> ItemType.PersonalSites;
      case ONE_DRIVE_FOLDERS -> ItemType.OneDriveFolders;
      case UNKNOWN -> throw new UnreadableJobException("an item of a type this operator does not know");
    };
  }

  private static String objectId(String id, JobItem item) {
    if (id == null || id.isBlank()) {
      throw new UnreadableJobException("a " + item.type().wireName() + " item that names no object");
    }
    return id;
  }

  private static boolean on(Boolean value) {
    return Boolean.TRUE.equals(value);
  }
}
