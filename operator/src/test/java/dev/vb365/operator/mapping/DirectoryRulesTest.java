package dev.vb365.operator.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vb365.operator.api.DirectoryRule;
import dev.vb365.operator.api.GroupType;
import dev.vb365.operator.api.ItemType;
import dev.vb365.operator.api.MailboxType;
import dev.vb365.operator.sync.FieldError;
import dev.vb365.operator.sync.RuleValidation;
import dev.vb365.operator.veeam.model.Group;
import dev.vb365.operator.veeam.model.Site;
import dev.vb365.operator.veeam.model.Team;
import dev.vb365.operator.veeam.model.User;
import java.util.List;
import org.junit.jupiter.api.Test;

class DirectoryRulesTest {

  private static final List<User> USERS = List.of(
      new User("1", "alice@contoso.com", "Alice", "User", "Cloud", "Seattle", List.of("ENTERPRISEPACK")),
      new User("2", "info@contoso.com", "Info", "Shared", "Cloud", "", List.of()),
      new User("3", "support@contoso.com", "Support", "Shared", "Cloud", "London", List.of("EXCHANGEENTERPRISE")),
      new User("4", "reception@fabrikam.com", "Reception", "Shared", "Cloud", "Seattle", List.of()),
      new User("5", "folders@contoso.com", "Folders", "Public", "Cloud", null, null));

  private static DirectoryRule rule() {
    return new DirectoryRule();
  }

  private static List<String> ids(DirectoryRules.Selection<User> s) {
    return s.selected().stream().map(User::id).toList();
  }

  @Test
  void everyConditionMustHoldAndTheSelectionIsSortedByName() {
    DirectoryRule shared = rule();
    shared.setUserTypes(List.of(MailboxType.Shared));
    assertThat(ids(DirectoryRules.users(shared, USERS))).as("by UPN").containsExactly("2", "4", "3");

    shared.setLicensed(true);
    assertThat(ids(DirectoryRules.users(shared, USERS))).as("all shared mailboxes except unlicensed")
        .containsExactly("3");

    DirectoryRule unlicensed = rule();
    unlicensed.setLicensed(false);
    assertThat(ids(DirectoryRules.users(unlicensed, USERS))).as("no licence list means none")
        .containsExactly("5", "2", "4");

    DirectoryRule seattle = rule();
    seattle.setOffices(List.of(" seattle "));
    seattle.setNamePattern("*@CONTOSO.com");
    assertThat(ids(DirectoryRules.users(seattle, USERS))).containsExactly("1");

    DirectoryRule sku = rule();
    sku.setLicenseSku("enterprisepack");
    assertThat(ids(DirectoryRules.users(sku, USERS))).containsExactly("1");
  }

  @Test
  void maxItemsCutsTheSortedSelectionAndSaysHowManyMatched() {
    DirectoryRule shared = rule();
    shared.setUserTypes(List.of(MailboxType.Shared));
    shared.setMaxItems(2);
    DirectoryRules.Selection<User> s = DirectoryRules.users(shared, USERS);
    assertThat(ids(s)).containsExactly("2", "4");
    assertThat(s.matched()).isEqualTo(3);
    assertThat(s.capped()).isTrue();
  }

  @Test
  void globsAreLiteralButForStarAndQuestionMark() {
    assertThat(DirectoryRules.glob("sales-*").matcher("Sales-EMEA").matches()).isTrue();
    assertThat(DirectoryRules.glob("a.b?").matcher("a.bc").matches()).isTrue();
    assertThat(DirectoryRules.glob("a.b?").matcher("axbc").matches()).as("a dot is a dot").isFalse();
    assertThat(DirectoryRules.glob("(x)[y]+").matcher("(x)[y]+").matches()).isTrue();
  }

  @Test
  void groupsSitesAndTeams() {
    DirectoryRule security = rule();
    security.setGroupTypes(List.of(GroupType.Security));
    assertThat(DirectoryRules.groups(security, List.of(new Group("g1", "Admins", "Admins", "Security", "Cloud"),
        new Group("g2", "All", "All", "Office365", "Cloud"))).selected()).extracting(Group::id).containsExactly("g1");

    List<Site> sites = List.of(new Site("s1", "https://contoso.sharepoint.com/sites/project-a/", "a", "A", null, true,
        false), new Site("s2", "https://contoso.sharepoint.com/sites/hr", "hr", "HR", null, true, false),
        new Site("s3", "https://contoso-my.sharepoint.com/personal/alice", "alice", "Alice", null, true, true));
    DirectoryRule projects = rule();
    projects.setUrlPattern("https://contoso.sharepoint.com/sites/project-*/");
    assertThat(DirectoryRules.sites(projects, sites).selected()).extracting(Site::id).containsExactly("s1");
    DirectoryRule personal = rule();
    personal.setPersonal(true);
    assertThat(DirectoryRules.sites(personal, sites).selected()).extracting(Site::id).containsExactly("s3");
    assertThat(DirectoryRules.sites(rule(), sites).selected()).as("not personal by default")
        .extracting(Site::id).containsExactly("s2", "s1");

    DirectoryRule sales = rule();
    sales.setNamePattern("Sales*");
    assertThat(DirectoryRules.teams(sales, List.of(new Team("t1", "Sales EMEA", null, null),
        new Team("t2", "Support", null, null))).selected()).extracting(Team::id).containsExactly("t1");
  }

  @Test
  void badRulesSayWhatIsWrongWithWhichField() {
    DirectoryRule bad = rule();
    bad.setNamePattern("alice *");
    bad.setGroupTypes(List.of(GroupType.Security));
    bad.setLicensed(false);
    bad.setLicenseSku("EMS");
    assertThat(RuleValidation.of(ItemType.User, bad)).extracting(FieldError::toString).containsExactlyInAnyOrder(
        "groupTypes: applies only to Group rules, not to User",
        "namePattern: \"alice *\" contains whitespace; patterns use * and ?, e.g. *@contoso.com",
        "licenseSku: contradicts licensed: false (a user without licences holds none)");
    DirectoryRule site = rule();
    site.setNamePattern("x");
    assertThat(RuleValidation.of(ItemType.Site, site)).extracting(FieldError::toString)
        .containsExactly("namePattern: a Site rule matches by urlPattern, not namePattern");
    assertThat(RuleValidation.of(ItemType.PersonalSites, rule())).extracting(FieldError::message)
        .containsExactly("selects User, Group, Site or Team items, not PersonalSites");
    DirectoryRule empty = rule();
    empty.setUserTypes(List.of());
    assertThat(RuleValidation.of(ItemType.User, empty)).extracting(FieldError::message)
        .containsExactly("an empty list matches nothing: leave the condition out, or name a value");
  }
}
