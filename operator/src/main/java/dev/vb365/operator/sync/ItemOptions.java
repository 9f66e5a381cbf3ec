package dev.vb365.operator.sync;

import dev.vb365.operator.api.ItemType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Processing options of an item, one record per item type (v8 RESTJob*Item). Booleans are
 * primitive: VB365's null and false mean the same, so they cannot differ here.
 */
public sealed interface ItemOptions {

  /** The item type these options belong to. */
  ItemType type();

  /** Option names (as in the BackupJob spec) and values, in a fixed order: for messages and fingerprints. */
  Map<String, Object> values();

  /** The options of a type when a spec sets none of them: all on except teamsChats, as the VB365 console does. */
  static ItemOptions defaultsFor(ItemType type) {
    return switch (type) {
      case User -> new UserOptions(true, true, true, true);
      case Group -> new GroupOptions(true, true, true, true, true, true, true);
      case Site, PersonalSites -> new NoOptions(type);
      case Team -> new TeamOptions(false);
      case PartialOrganization -> new OrganizationOptions(true, true, true, true, true, false);
      case OneDriveFolders -> throw new IllegalArgumentException("OneDriveFolders has no default folders");
    };
  }

  /** One option that differs: its name, the other side's value and this side's. */
  record OptionDifference(String option, Object theirs, Object mine) {
  }

  /** The options whose values differ from {@code other}'s, in the order of {@link #values()}. */
  default List<OptionDifference> differencesTo(ItemOptions other) {
    List<OptionDifference> out = new ArrayList<>();
    Map<String, Object> mine = values();
    Map<String, Object> theirs = other.values();
    for (Map.Entry<String, Object> e : mine.entrySet()) {
      Object before = theirs.get(e.getKey());
      if (!Objects.equals(e.getValue(), before)) {
        out.add(new OptionDifference(e.getKey(), before, e.getValue()));
      }
    }
    return out;
  }

  record UserOptions(boolean mailbox, boolean archiveMailbox, boolean oneDrive, boolean personalSite)
      implements ItemOptions {
    @Override
    public ItemType type() {
      return ItemType.User;
    }

    @Override
    public Map<String, Object> values() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("mailbox", mailbox);
      m.put("archiveMailbox", archiveMailbox);
      m.put("oneDrive", oneDrive);
      m.put("personalSite", personalSite);
      return m;
    }
  }

  /**
   * Group options. The member* options mean nothing without members, and VB365 may keep whatever
   * was sent for them, so they are cleared when members is off: no false difference.
   */
  record GroupOptions(boolean mailbox, boolean groupSite, boolean members, boolean memberMailbox,
      boolean memberArchiveMailbox, boolean memberOneDrive, boolean memberSite) implements ItemOptions {
    public GroupOptions {
      if (!members) {
        memberMailbox = false;
        memberArchiveMailbox = false;
        memberOneDrive = false;
        memberSite = false;
      }
    }

    @Override
    public ItemType type() {
      return ItemType.Group;
    }

    @Override
    public Map<String, Object> values() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("mailbox", mailbox);
      m.put("groupSite", groupSite);
      m.put("members", members);
      m.put("memberMailbox", memberMailbox);
      m.put("memberArchiveMailbox", memberArchiveMailbox);
      m.put("memberOneDrive", memberOneDrive);
      m.put("memberSite", memberSite);
      return m;
    }
  }

  record TeamOptions(boolean teamsChats) implements ItemOptions {
    @Override
    public ItemType type() {
      return ItemType.Team;
    }

    @Override
    public Map<String, Object> values() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("teamsChats", teamsChats);
      return m;
    }
  }

  /** Options of a PartialOrganization item: what to process of the whole organization. */
  record OrganizationOptions(boolean mailbox, boolean archiveMailbox, boolean oneDrive, boolean sites, boolean teams,
      boolean teamsChats) implements ItemOptions {
    @Override
    public ItemType type() {
      return ItemType.PartialOrganization;
    }

    @Override
    public Map<String, Object> values() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("mailbox", mailbox);
      m.put("archiveMailbox", archiveMailbox);
      m.put("oneDrive", oneDrive);
      m.put("sites", sites);
      m.put("teams", teams);
      m.put("teamsChats", teamsChats);
      return m;
    }
  }

  /**
   * The folders of a OneDriveFolders item. OneDrive folder names are case-insensitive and the list
   * has no order, so equality compares the trimmed, lower-cased set; {@link #folders()} keeps the
   * spelling to send.
   */
  record FolderOptions(List<String> folders) implements ItemOptions {
    public FolderOptions {
      Map<String, String> byCanonical = new TreeMap<>();
      for (String folder : Objects.requireNonNull(folders, "folders")) {
        String trimmed = folder == null ? "" : folder.trim();
        if (!trimmed.isEmpty()) {
          byCanonical.putIfAbsent(canonical(trimmed), trimmed);
        }
      }
      if (byCanonical.isEmpty()) {
        throw new IllegalArgumentException("OneDriveFolders needs at least one folder");
      }
      folders = List.copyOf(byCanonical.values());
    }

    private static String canonical(String folder) {
      return folder.replace('\\', '/').replaceAll("/+$", "").toLowerCase(Locale.ROOT);
    }

    private List<String> canonicalFolders() {
      return folders.stream().map(FolderOptions::canonical).toList();
    }

    @Override
    public ItemType type() {
      return ItemType.OneDriveFolders;
    }

    @Override
    public Map<String, Object> values() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("folders", Collections.unmodifiableList(canonicalFolders()));
      return m;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof FolderOptions other && canonicalFolders().equals(other.canonicalFolders());
    }

    @Override
    public int hashCode() {
      return canonicalFolders().hashCode();
    }
  }

  /** Site and PersonalSites items have no processing options. */
  record NoOptions(ItemType type) implements ItemOptions {
    public NoOptions {
      if (type != ItemType.Site && type != ItemType.PersonalSites) {
        throw new IllegalArgumentException(type + " items have processing options");
      }
    }

    @Override
    public Map<String, Object> values() {
      return Map.of();
    }
  }
}
