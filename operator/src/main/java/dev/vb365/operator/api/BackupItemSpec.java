package dev.vb365.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One object a backup job selects or excludes, with its processing options. The fields that apply
 * depend on {@code type}; CEL rules reject the others so a typo cannot silently do nothing.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "has(self.match) ? !has(self.user) : (self.type == 'User') == has(self.user)",
    message = "user is required when type is User (unless match selects by rule) and not allowed otherwise")
@ValidationRule(value = "has(self.match) ? !has(self.group) : (self.type == 'Group') == has(self.group)",
    message = "group is required when type is Group (unless match selects by rule) and not allowed otherwise")
@ValidationRule(value = "has(self.match) ? !has(self.site) : (self.type == 'Site') == has(self.site)",
    message = "site is required when type is Site (unless match selects by rule) and not allowed otherwise")
@ValidationRule(value = "has(self.match) ? !has(self.team) : (self.type == 'Team') == has(self.team)",
    message = "team is required when type is Team (unless match selects by rule) and not allowed otherwise")
@ValidationRule(value = "(self.type == 'OneDriveFolders') == has(self.folders)",
    message = "folders is required when type is OneDriveFolders and not allowed otherwise")
@ValidationRule(value = "!has(self.mailbox) || self.type in ['User', 'Group', 'PartialOrganization']",
    message = "mailbox applies only to User, Group and PartialOrganization items")
@ValidationRule(value = "!(has(self.archiveMailbox) || has(self.oneDrive)) || self.type in ['User', 'PartialOrganization']",
    message = "archiveMailbox and oneDrive apply only to User and PartialOrganization items")
@ValidationRule(value = "!has(self.personalSite) || self.type == 'User'",
    message = "personalSite applies only to User items")
@ValidationRule(value = "!(has(self.sites) || has(self.teams)) || self.type == 'PartialOrganization'",
    message = "sites and teams apply only to PartialOrganization items")
@ValidationRule(value = "!has(self.teamsChats) || self.type in ['Team', 'PartialOrganization']",
    message = "teamsChats applies only to Team and PartialOrganization items")
@ValidationRule(value = "!(has(self.members) || has(self.memberMailbox) || has(self.memberArchiveMailbox)"
    + " || has(self.memberOneDrive) || has(self.memberSite) || has(self.groupSite)) || self.type == 'Group'",
    message = "members, memberMailbox, memberArchiveMailbox, memberOneDrive, memberSite and groupSite apply only to Group items")
@ValidationRule(value = "!has(self.match) || self.type in ['User', 'Group', 'Site', 'Team']",
    message = "match selects User, Group, Site or Team items")
@ValidationRule(value = "!has(self.match) || self.type == 'User' || !(has(self.match.userTypes) || "
    + "has(self.match.offices) || has(self.match.licensed) || has(self.match.licenseSku))",
    message = "match.userTypes, offices, licensed and licenseSku apply only to User items")
@ValidationRule(value = "!has(self.match) || self.type == 'Group' || !has(self.match.groupTypes)",
    message = "match.groupTypes applies only to Group items")
@ValidationRule(value = "!has(self.match) || self.type == 'Site' || !(has(self.match.urlPattern) || "
    + "has(self.match.personal))", message = "match.urlPattern and personal apply only to Site items")
@ValidationRule(value = "!has(self.match) || self.type != 'Site' || !has(self.match.namePattern)",
    message = "a Site rule matches by urlPattern, not namePattern")
public class BackupItemSpec {

  static final String OPTIONS_RULE = " Processing options: when an item sets none of the options of its type, all of "
      + "them are on except teamsChats (as in the VB365 console); once it sets any, the ones it does not set are off.";

  @JsonPropertyDescription("Kind of object: User, Group, Site, Team, PartialOrganization (the organization with "
      + "chosen processing options), PersonalSites (all personal sites of the organization) or OneDriveFolders "
      + "(only the listed folders of every OneDrive)." + OPTIONS_RULE)
  @Required
  private ItemType type;

  @JsonPropertyDescription("The user (type User): name is the user's email address (UPN), or id.")
  private NamedReference user;

  @JsonPropertyDescription("Instead of one object named here: every User, Group, Site or Team of the organization "
      + "that matches this rule (all its conditions), each with this item's processing options, re-evaluated as the "
      + "directory changes. An object also named by its own entry takes that entry's options.")
  private DirectoryRule match;

  @JsonPropertyDescription("The group (type Group): name is the group's name or email address, or id.")
  private NamedReference group;

  @JsonPropertyDescription("The SharePoint site (type Site): url, name or id.")
  private SiteReference site;

  @JsonPropertyDescription("The team (type Team): name, mail or id.")
  private TeamReference team;

  @JsonPropertyDescription("Mail: the user's mailbox (User), the group's mailbox (Group), "
      + "all mailboxes (PartialOrganization).")
  private Boolean mailbox;

  @JsonPropertyDescription("Archive mailbox (User, PartialOrganization).")
  private Boolean archiveMailbox;

  @JsonPropertyDescription("OneDrive (User, PartialOrganization).")
  private Boolean oneDrive;

  @JsonPropertyDescription("The user's personal SharePoint site (User).")
  private Boolean personalSite;

  @JsonPropertyDescription("SharePoint sites (PartialOrganization).")
  private Boolean sites;

  @JsonPropertyDescription("Microsoft Teams (PartialOrganization).")
  private Boolean teams;

  @JsonPropertyDescription("Teams chats (Team, PartialOrganization). Off unless set to true.")
  private Boolean teamsChats;

  @JsonPropertyDescription("Process the group's members (Group); the member* options say what of each member.")
  private Boolean members;

  @JsonPropertyDescription("Members' mailboxes (Group, with members).")
  private Boolean memberMailbox;

  @JsonPropertyDescription("Members' archive mailboxes (Group, with members).")
  private Boolean memberArchiveMailbox;

  @JsonPropertyDescription("Members' OneDrives (Group, with members).")
  private Boolean memberOneDrive;

  @JsonPropertyDescription("Members' personal sites (Group, with members).")
  private Boolean memberSite;

  @JsonPropertyDescription("The group's SharePoint site (Group).")
  private Boolean groupSite;

  @JsonPropertyDescription("OneDrive folders, e.g. Documents or Desktop/Projects (type OneDriveFolders, at least one). "
      + "They apply to every OneDrive of the organization; compared case-insensitively and in any order.")
  @Size(min = 1, max = 256)
  private List<@Size(min = 1, max = 1024) String> folders;

  public ItemType getType() {
    return type;
  }

  public void setType(ItemType type) {
    this.type = type;
  }

  public NamedReference getUser() {
    return user;
  }

  public void setUser(NamedReference user) {
    this.user = user;
  }

  public DirectoryRule getMatch() {
    return match;
  }

  public void setMatch(DirectoryRule match) {
    this.match = match;
  }

  public NamedReference getGroup() {
    return group;
  }

  public void setGroup(NamedReference group) {
    this.group = group;
  }

  public SiteReference getSite() {
    return site;
  }

  public void setSite(SiteReference site) {
    this.site = site;
  }

  public TeamReference getTeam() {
    return team;
  }

  public void setTeam(TeamReference team) {
    this.team = team;
  }

  public Boolean getMailbox() {
    return mailbox;
  }

  public void setMailbox(Boolean mailbox) {
    this.mailbox = mailbox;
  }

  public Boolean getArchiveMailbox() {
    return archiveMailbox;
  }

  public void setArchiveMailbox(Boolean archiveMailbox) {
    this.archiveMailbox = archiveMailbox;
  }

  public Boolean getOneDrive() {
    return oneDrive;
  }

  public void setOneDrive(Boolean oneDrive) {
    this.oneDrive = oneDrive;
  }

  public Boolean getPersonalSite() {
    return personalSite;
  }

  public void setPersonalSite(Boolean personalSite) {
    this.personalSite = personalSite;
  }

  public Boolean getSites() {
    return sites;
  }

  public void setSites(Boolean sites) {
    this.sites = sites;
  }

  public Boolean getTeams() {
    return teams;
  }

  public void setTeams(Boolean teams) {
    this.teams = teams;
  }

  public Boolean getTeamsChats() {
    return teamsChats;
  }

  public void setTeamsChats(Boolean teamsChats) {
    this.teamsChats = teamsChats;
  }

  public Boolean getMembers() {
    return members;
  }

  public void setMembers(Boolean members) {
    this.members = members;
  }

  public Boolean getMemberMailbox() {
    return memberMailbox;
  }

  public void setMemberMailbox(Boolean memberMailbox) {
    this.memberMailbox = memberMailbox;
  }

  public Boolean getMemberArchiveMailbox() {
    return memberArchiveMailbox;
  }

  public void setMemberArchiveMailbox(Boolean memberArchiveMailbox) {
    this.memberArchiveMailbox = memberArchiveMailbox;
  }

  public Boolean getMemberOneDrive() {
    return memberOneDrive;
  }

  public void setMemberOneDrive(Boolean memberOneDrive) {
    this.memberOneDrive = memberOneDrive;
  }

  public Boolean getMemberSite() {
    return memberSite;
  }

  public void setMemberSite(Boolean memberSite) {
    this.memberSite = memberSite;
  }

  public Boolean getGroupSite() {
    return groupSite;
  }

  public void setGroupSite(Boolean groupSite) {
    this.groupSite = groupSite;
  }

  public List<String> getFolders() {
    return folders;
  }

  public void setFolders(List<String> folders) {
    this.folders = folders == null ? null : new ArrayList<>(folders);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || o.getClass() != getClass()) {
      return false;
    }
    BackupItemSpec other = (BackupItemSpec) o;
    return type == other.type && Objects.equals(user, other.user) && Objects.equals(match, other.match)
        && Objects.equals(group, other.group)
        && Objects.equals(site, other.site) && Objects.equals(team, other.team)
        && Objects.equals(mailbox, other.mailbox) && Objects.equals(archiveMailbox, other.archiveMailbox)
        && Objects.equals(oneDrive, other.oneDrive) && Objects.equals(personalSite, other.personalSite)
        && Objects.equals(sites, other.sites) && Objects.equals(teams, other.teams)
        && Objects.equals(teamsChats, other.teamsChats) && Objects.equals(members, other.members)
        && Objects.equals(memberMailbox, other.memberMailbox)
        && Objects.equals(memberArchiveMailbox, other.memberArchiveMailbox)
        && Objects.equals(memberOneDrive, other.memberOneDrive) && Objects.equals(memberSite, other.memberSite)
        && Objects.equals(groupSite, other.groupSite) && Objects.equals(folders, other.folders);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, user, match, group, site, team, mailbox, archiveMailbox, oneDrive, personalSite, sites, teams,
        teamsChats, members, memberMailbox, memberArchiveMailbox, memberOneDrive, memberSite, groupSite, folders);
  }

  @Override
  public String toString() {
    Object ref = match != null ? match : user != null ? user : group != null ? group : site != null ? site : team;
    return ref == null ? String.valueOf(type) : type + " " + ref;
  }
}
