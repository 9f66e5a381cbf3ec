package dev.vb365.simulator.model;

import java.util.List;

/**
 * RESTJobBackupItemType, with the unchangeable type identifier VB365 puts in front of the object id to
 * form a job item's id (RESTJobItemComposed.id), and the processing options each type carries.
 */
public enum ItemType {
  User("2b38d840-8098-4614-b369-ebce33f9b2c7", "user",
      List.of("mailbox", "oneDrive", "archiveMailbox", "personalSite")),
  Group("9592732d-22d8-426a-8167-d9635158e945", "group",
      List.of("members", "memberMailbox", "memberArchiveMailbox", "memberOnedrive", "memberSite", "mailbox",
          "groupSite")),
  Site("e1fa728c-4150-4724-ab3b-5deda33db0cf", "site", List.of()),
  Team("7b985334-bc0e-4791-b30c-d03a1fecc840", "team", List.of("teamsChats")),
  PartialOrganization("c37da450-6c4b-48c4-87e2-cc557ef5d897", null,
      List.of("mailbox", "oneDrive", "archiveMailbox", "sites", "teams", "teamsChats")),
  PersonalSites("9a01bcb3-d2de-4271-96bb-95611ddc70b3", null, List.of()),
  OneDriveFolders("7f07820e-9e77-4beb-92a3-b31f30bc192c", null, List.of());

  private final String idPrefix;
  private final String objectProperty;
  private final List<String> options;

  ItemType(String idPrefix, String objectProperty, List<String> options) {
    this.idPrefix = idPrefix;
    this.objectProperty = objectProperty;
    this.options = options;
  }

  /** The type identifier that starts the item id; the organization's id follows it for organization-wide types. */
  public String idPrefix() {
    return idPrefix;
  }

  /** The property holding the referenced directory object (user, group, site, team), or null. */
  public String objectProperty() {
    return objectProperty;
  }

  /** Boolean processing options, in the spec's property order (v7+/v8 names). */
  public List<String> options() {
    return options;
  }
}
