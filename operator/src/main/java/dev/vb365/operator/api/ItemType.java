package dev.vb365.operator.api;

/** The kinds of object a VB365 backup job can select or exclude (v8 RESTJobBackupItemType). */
public enum ItemType {
  User,
  Group,
  Site,
  Team,
  PartialOrganization,
  PersonalSites,
  OneDriveFolders
}
