package dev.vb365.operator.sync;

import dev.vb365.operator.api.ItemType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vb365.operator.api.BackupItemSpec;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ItemSpecMapperTest {

  static BackupItemSpec yaml(String text) {
    return SpecYaml.read(text, BackupItemSpec.class);
  }

  static Stream<Arguments> references() {
    return Stream.of(
        Arguments.of("{type: User, user: {name: alice@contoso.onmicrosoft.com}}",
            new ItemReference(ItemType.User, ItemReference.By.Name, "alice@contoso.onmicrosoft.com")),
        Arguments.of("{type: User, user: {id: 5F3A}}", new ItemReference(ItemType.User, ItemReference.By.Id, "5F3A")),
        Arguments.of("{type: Group, group: {name: finance@contoso.onmicrosoft.com}}",
            new ItemReference(ItemType.Group, ItemReference.By.Name, "finance@contoso.onmicrosoft.com")),
        Arguments.of("{type: Site, site: {url: 'https://contoso.sharepoint.com/sites/finance'}}",
            new ItemReference(ItemType.Site, ItemReference.By.Url, "https://contoso.sharepoint.com/sites/finance")),
        Arguments.of("{type: Site, site: {name: Finance}}", new ItemReference(ItemType.Site, ItemReference.By.Name,
            "Finance")),
        Arguments.of("{type: Team, team: {mail: t@contoso.onmicrosoft.com}}",
            new ItemReference(ItemType.Team, ItemReference.By.Mail, "t@contoso.onmicrosoft.com")),
        Arguments.of("{type: Team, team: {name: Finance Team}}",
            new ItemReference(ItemType.Team, ItemReference.By.Name, "Finance Team")),
        Arguments.of("{type: PartialOrganization, mailbox: true}", ItemReference.singleton(ItemType.PartialOrganization)),
        Arguments.of("{type: PersonalSites}", ItemReference.singleton(ItemType.PersonalSites)),
        Arguments.of("{type: OneDriveFolders, folders: [Documents]}", ItemReference.singleton(ItemType.OneDriveFolders)));
  }

  @ParameterizedTest
  @MethodSource("references")
  void referenceSaysWhatToLookUp(String spec, ItemReference expected) {
    assertThat(ItemSpecMapper.reference(yaml(spec))).isEqualTo(expected);
  }

  /** Unset options: all of the type's options on (teamsChats off); any set: the others are off. */
  static Stream<Arguments> options() {
    return Stream.of(
        Arguments.of("{type: User, user: {id: a}}", new ItemOptions.UserOptions(true, true, true, true)),
        Arguments.of("{type: User, user: {id: a}, mailbox: true, oneDrive: true}",
            new ItemOptions.UserOptions(true, false, true, false)),
        Arguments.of("{type: User, user: {id: a}, mailbox: false}", new ItemOptions.UserOptions(false, false, false,
            false)),
        Arguments.of("{type: Group, group: {id: g}}", new ItemOptions.GroupOptions(true, true, true, true, true, true,
            true)),
        Arguments.of("{type: Group, group: {id: g}, mailbox: true, groupSite: true, members: true, memberMailbox: true}",
            new ItemOptions.GroupOptions(true, true, true, true, false, false, false)),
        Arguments.of("{type: Group, group: {id: g}, members: false, memberMailbox: true}",
            new ItemOptions.GroupOptions(false, false, false, false, false, false, false)),
        Arguments.of("{type: Team, team: {id: t}}", new ItemOptions.TeamOptions(false)),
        Arguments.of("{type: Team, team: {id: t}, teamsChats: true}", new ItemOptions.TeamOptions(true)),
        Arguments.of("{type: PartialOrganization}",
            new ItemOptions.OrganizationOptions(true, true, true, true, true, false)),
        Arguments.of("{type: PartialOrganization, teams: true, teamsChats: true}",
            new ItemOptions.OrganizationOptions(false, false, false, false, true, true)),
        Arguments.of("{type: Site, site: {id: s}}", new ItemOptions.NoOptions(ItemType.Site)),
        Arguments.of("{type: PersonalSites}", new ItemOptions.NoOptions(ItemType.PersonalSites)),
        Arguments.of("{type: OneDriveFolders, folders: [Desktop, ' documents/ ', Documents]}",
            new ItemOptions.FolderOptions(List.of("desktop", "DOCUMENTS"))));
  }

  @ParameterizedTest
  @MethodSource("options")
  void optionsFollowTheDefaultsRule(String spec, ItemOptions expected) {
    assertThat(ItemSpecMapper.options(yaml(spec))).isEqualTo(expected);
  }

  @ParameterizedTest
  @MethodSource("options")
  void exportGivesASpecThatMeansTheSame(String spec, ItemOptions options) {
    ItemReference ref = ItemSpecMapper.reference(yaml(spec));
    ItemKey key = ref.isSingleton() ? ItemKey.singleton(ref.type()) : ItemKey.of(ref.type(), "id-1");
    BackupItem item = new BackupItem(key, options);
    BackupItemSpec exported = ItemSpecMapper.toSpec(item);
    assertThat(ItemSpecMapper.validate(exported)).isEmpty();
    assertThat(ItemSpecMapper.toItem(exported, key)).isEqualTo(item);
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("{user: {id: a}}", List.of("type: required: User, Group, Site, Team, PartialOrganization, "
            + "PersonalSites or OneDriveFolders")),
        Arguments.of("{type: User}", List.of("user: required when type is User (or match, to select by rule)")),
        Arguments.of("{type: User, user: {name: a@b.c}, match: {userTypes: [Shared]}}",
            List.of("user: not allowed beside match: the rule selects the objects")),
        Arguments.of("{type: Site, match: {namePattern: x}}",
            List.of("match.namePattern: a Site rule matches by urlPattern, not namePattern")),
        Arguments.of("{type: User, user: {id: a}, group: {id: b}}", List.of("group: not allowed when type is User")),
        Arguments.of("{type: User, user: {name: a, id: b}}", List.of("user: set exactly one of name or id")),
        Arguments.of("{type: User, user: {}}", List.of("user: set exactly one of name or id")),
        Arguments.of("{type: Site, site: {url: 'ftp://x', name: y}}",
            List.of("site: set exactly one of url, name or id", "site.url: \"ftp://x\" is not an http(s) URL")),
        Arguments.of("{type: Team, team: {}}", List.of("team: set exactly one of name, mail or id")),
        Arguments.of("{type: Site, site: {id: s}, mailbox: true}",
            List.of("mailbox: applies only to User, Group and PartialOrganization items, not to Site")),
        Arguments.of("{type: User, user: {id: a}, members: true, teamsChats: true}",
            List.of("teamsChats: applies only to Team and PartialOrganization items, not to User",
                "members: applies only to Group items, not to User")),
        Arguments.of("{type: Group, group: {id: g}, personalSite: true}",
            List.of("personalSite: applies only to User items, not to Group")),
        Arguments.of("{type: OneDriveFolders}", List.of("folders: required when type is OneDriveFolders")),
        Arguments.of("{type: OneDriveFolders, folders: []}", List.of("folders: name at least one folder")),
        Arguments.of("{type: OneDriveFolders, folders: ['  ']}", List.of("folders[0]: cannot be empty")),
        Arguments.of("{type: PersonalSites, folders: [Documents]}",
            List.of("folders: not allowed when type is PersonalSites")));
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void invalidItemsAreReportedPerField(String spec, List<String> expected) {
    assertThat(ItemSpecMapper.validate(yaml(spec))).extracting(FieldError::toString).containsExactlyElementsOf(expected);
    assertThatThrownBy(() -> ItemSpecMapper.options(yaml(spec))).isInstanceOf(InvalidSpecException.class);
  }
}
