package dev.vb365.operator.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vb365.operator.sync.BackupItem;
import dev.vb365.operator.sync.ItemKey;
import dev.vb365.operator.sync.ItemOptions;
import dev.vb365.operator.api.ItemType;
import dev.vb365.operator.sync.ObservedItem;
import dev.vb365.operator.veeam.model.Group;
import dev.vb365.operator.veeam.model.JobItem;
import dev.vb365.operator.veeam.model.Site;
import dev.vb365.operator.veeam.model.Team;
import dev.vb365.operator.veeam.model.User;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ItemMappingTest {

  static Stream<Arguments> items() {
    return Stream.of(
        Arguments.of(new BackupItem(ItemKey.of(ItemType.User, "u-1"), new ItemOptions.UserOptions(true, false, true,
            false))),
        Arguments.of(new BackupItem(ItemKey.of(ItemType.Group, "g-1"), new ItemOptions.GroupOptions(true, true, true,
            true, false, true, false))),
        Arguments.of(new BackupItem(ItemKey.of(ItemType.Group, "g-2"), new ItemOptions.GroupOptions(false, true, false,
            false, false, false, false))),
        Arguments.of(new BackupItem(ItemKey.of(ItemType.Site, "s-1"), new ItemOptions.NoOptions(ItemType.Site))),
        Arguments.of(new BackupItem(ItemKey.of(ItemType.Team, "t-1"), new ItemOptions.TeamOptions(true))),
        Arguments.of(new BackupItem(ItemKey.singleton(ItemType.PartialOrganization),
            new ItemOptions.OrganizationOptions(true, false, true, true, false, false))),
        Arguments.of(new BackupItem(ItemKey.singleton(ItemType.PersonalSites),
            new ItemOptions.NoOptions(ItemType.PersonalSites))),
        Arguments.of(new BackupItem(ItemKey.singleton(ItemType.OneDriveFolders),
            new ItemOptions.FolderOptions(List.of("Documents", "Desktop")))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("items")
  void everyItemTypeReadsBackAsSent(BackupItem item) {
    JobItem body = ItemMapping.toVeeam(item, ItemObjects.none(), null);

    assertThat(body.id()).isNull();
    assertThat(ItemMapping.toDomain(body.withId("item-1"))).isEqualTo(item);
  }

  @Test
  void bodiesCarryWhatTheLookupFound() {
    Site site = new Site("s-1", "https://contoso.sharepoint.com/sites/finance", "Finance", "Finance", null, true, false);
    User alice = new User("U-1", "alice@contoso.onmicrosoft.com", "Alice", "User", "Cloud");
    ItemObjects objects = ItemObjects.none().site(site).user(alice);

    assertThat(ItemMapping.toVeeam(new BackupItem(ItemKey.of(ItemType.Site, "S-1"),
        new ItemOptions.NoOptions(ItemType.Site)), objects, null).site()).isEqualTo(site);
    assertThat(ItemMapping.toVeeam(new BackupItem(ItemKey.of(ItemType.User, "u-1"),
        new ItemOptions.UserOptions(true, true, true, true)), objects, "item-9"))
        .satisfies(body -> {
          assertThat(body.user()).isEqualTo(alice);
          assertThat(body.id()).isEqualTo("item-9");
          assertThat(body.mailbox()).isTrue();
        });
    // Named by id in the spec and never looked up: sent by id alone.
    assertThat(ItemMapping.toVeeam(new BackupItem(ItemKey.of(ItemType.User, "u-2"),
        new ItemOptions.UserOptions(true, true, true, true)), objects, null).user().id()).isEqualTo("u-2");
  }

  @Test
  void nullOptionsReadAsOff() {
    JobItem fromServer = new JobItem("i-1", dev.vb365.operator.veeam.model.ItemType.USER,
        new User("u-1", null, null, null, null), null, null, null, true, null, null, null, null, null, null, null,
        null, null, null, null, null, null);

    assertThat(ItemMapping.toDomain(fromServer).options())
        .isEqualTo(new ItemOptions.UserOptions(true, false, false, false));
  }

  @Test
  void itemsTheOperatorCannotReadAreLeftAlone() {
    JobItem unknownType = new JobItem("i-1", dev.vb365.operator.veeam.model.ItemType.UNKNOWN, null, null, null, null,
        null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    JobItem noObject = new JobItem("i-2", dev.vb365.operator.veeam.model.ItemType.USER, null, null, null, null,
        true, null, null, null, null, null, null, null, null, null, null, null, null, null);
    JobItem noId = JobItem.personalSites();
    JobItem fine = JobItem.personalSites().withId("i-3");

    List<ObservedItem> observed = ItemMapping.toObserved(List.of(unknownType, noObject, noId, fine));

    assertThat(observed).extracting(ObservedItem::itemId).containsExactly("i-3");
  }

  @Test
  void listedItemsAndLookedUpObjectsCarryTheNamesPeopleKnowThemBy() {
    User alice = new User("u-1", "alice@contoso.com", "Alice", "User", "Cloud");
    Site hr = new Site("s-1", "https://contoso.sharepoint.com/sites/hr", "hr", "HR", null, true, false);
    Team teamByName = new Team("t-1", "Human Resources", "hr@contoso.com", null);
    Group groupWithoutName = new Group("g-1", null, "Finance", null, null);
    List<ObservedItem> listed = ItemMapping.toObserved(List.of(
        JobItem.user(alice, true, false, false, false).withId("i-1"), JobItem.site(hr).withId("i-2"),
        JobItem.team(teamByName, false).withId("i-3"),
        JobItem.group(groupWithoutName, false, false, false, false, false, true, true).withId("i-4"),
        JobItem.user(new User("u-2", null, null, null, null), true, true, true, true).withId("i-5"),
        JobItem.personalSites().withId("i-6")));
    assertThat(listed).extracting(ObservedItem::name).containsExactly("alice@contoso.com",
        "https://contoso.sharepoint.com/sites/hr", "Human Resources", "Finance", null, null);

    ItemObjects objects = ItemObjects.none().user(alice).site(hr).team(teamByName);
    assertThat(objects.names().label(ItemKey.of(ItemType.User, "U-1"))).isEqualTo("alice@contoso.com");
    assertThat(objects.names().label(ItemKey.of(ItemType.Site, "s-1")))
        .isEqualTo("https://contoso.sharepoint.com/sites/hr");
    assertThat(objects.names().label(ItemKey.of(ItemType.Team, "t-1"))).isEqualTo("Human Resources");
    assertThat(objects.names().label(ItemKey.of(ItemType.User, "u-2"))).as("never looked up").isEqualTo("User u-2");
  }
}
