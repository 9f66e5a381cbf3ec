package dev.vb365.operator.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FollowersTest {

  private static final ResourceID FINANCE = new ResourceID("finance", "contoso");
  private static final ResourceID HR = new ResourceID("hr", "contoso");

  @Test
  void aChangeOfAKeyReachesExactlyItsFollowersAndKeysAreReplaced() {
    Followers followers = new Followers();
    followers.follow(FINANCE, Set.of("User-A", "user-b"));
    followers.follow(HR, Set.of("user-b"));
    assertThat(followers.of("USER-B")).containsExactlyInAnyOrder(FINANCE, HR);
    assertThat(followers.of("user-a")).containsExactly(FINANCE);
    assertThat(followers.of("user-c")).isEmpty();

    followers.follow(FINANCE, Set.of("user-c"));
    assertThat(followers.of("user-a")).isEmpty();
    assertThat(followers.of("user-b")).containsExactly(HR);
    followers.follow(HR, Set.of());
    assertThat(followers.of("user-b")).isEmpty();
  }
}
