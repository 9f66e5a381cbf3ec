package dev.vb365.operator.api;

/** The kinds of object a VB365 backup job can select or exclude (v8 RESTJobBackupItemType). */
public enum ItemType {
  User,
  Group,
  Site,
  Team,
  PartialOrganization,
  PersonalSites,
  OneDriveFolders;

  /**
   * Whether a job holds at most one item of this type per list: the organization, its personal sites
   * and its OneDrive folder filter are not objects with ids of their own.
   */
  public boolean isSingleton() {
    return this == PartialOrganization || this == PersonalSites || this == OneDriveFolders;
  }

  /** Case-insensitive: older API versions spell some types in camelCase (partialOrganization). */
  public static ItemType parse(String text) {
    for (ItemType type : values()) {
      if (type.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
        return type;
      }
    }
    throw new IllegalArgumentException("unknown VB365 item type \"" + text + "\"");
  }
}
