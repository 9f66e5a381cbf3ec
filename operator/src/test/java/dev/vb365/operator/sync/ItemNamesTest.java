package dev.vb365.operator.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vb365.operator.api.ItemType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Items as people know them, and lists of them that stay short. */
class ItemNamesTest {

  private static final ItemKey ALICE = ItemKey.of(ItemType.User, "2b38d840-alice");

  @Test
  void aKnownNameElseTheTypeAndIdElseTheType() {
    ItemNames names = ItemNames.of(Map.of(ALICE, " alice@contoso.com "));
    assertThat(names.label(ALICE)).isEqualTo("alice@contoso.com");
    assertThat(names.label(ItemKey.of(ItemType.User, "2B38D840-ALICE"))).as("ids are case-insensitive")
        .isEqualTo("alice@contoso.com");
    assertThat(names.label(ItemKey.of(ItemType.Group, "9592732d"))).isEqualTo("Group 9592732d");
    assertThat(names.label(ItemKey.singleton(ItemType.PersonalSites))).isEqualTo("PersonalSites");
  }

  @Test
  void lookedUpNamesWinOverListedOnesAndListedOnesFillTheGaps() {
    ItemKey group = ItemKey.of(ItemType.Group, "g");
    BackupItem groupItem = new BackupItem(group, ItemOptions.defaultsFor(ItemType.Group));
    BackupItem aliceItem = new BackupItem(ALICE, ItemOptions.defaultsFor(ItemType.User));
    ItemNames names = ItemNames.of(Map.of(ALICE, "alice@contoso.com")).orListed(List.of(
        new ObservedItem("i-1", aliceItem, "Alice Example"), new ObservedItem("i-2", groupItem, "finance@contoso.com")));
    assertThat(names.label(ALICE)).isEqualTo("alice@contoso.com");
    assertThat(names.label(group)).isEqualTo("finance@contoso.com");
    assertThat(names.label(new ObservedItem("i-1", aliceItem, "Alice Example"))).as("an item VB365 named")
        .isEqualTo("Alice Example");
  }

  @Test
  void listsNameTheFirstThreeAndCountTheRest() {
    assertThat(ItemNames.enumerate(List.of())).isEmpty();
    assertThat(ItemNames.enumerate(List.of("a", "b", "c"))).isEqualTo("a, b, c");
    assertThat(ItemNames.enumerate(List.of("a", "b", "c", "d"))).isEqualTo("a, b, c and 1 more");
    assertThat(ItemNames.enumerate(List.of("a", "b", "c", "d", "e", "f"))).isEqualTo("a, b, c and 3 more");
  }
}
