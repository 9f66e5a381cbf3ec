package dev.vb365.operator.controller;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OwnershipMarkerTest {

  private static final String MARKER = OwnershipMarker.of("contoso", "finance");

  @Test
  void theMarkerEndsTheDescription() {
    assertThat(MARKER).isEqualTo("[managed by vb365-operator: contoso/finance]");
    assertThat(OwnershipMarker.describe("Finance mailboxes", MARKER))
        .isEqualTo("Finance mailboxes [managed by vb365-operator: contoso/finance]");
    assertThat(OwnershipMarker.describe(null, MARKER)).isEqualTo(MARKER);
    assertThat(OwnershipMarker.describe("  ", MARKER)).isEqualTo(MARKER);
  }

  @Test
  void onlyOurOwnMarkerCounts() {
    assertThat(OwnershipMarker.marks("x " + MARKER, MARKER)).isTrue();
    assertThat(OwnershipMarker.marks("x " + OwnershipMarker.of("contoso", "finance2"), MARKER)).isFalse();
    assertThat(OwnershipMarker.marks(MARKER + " edited later", MARKER)).isFalse();
    assertThat(OwnershipMarker.marks(null, MARKER)).isFalse();
  }

  @Test
  void strippingLeavesTheUsersText() {
    assertThat(OwnershipMarker.strip("Finance " + MARKER)).isEqualTo("Finance");
    assertThat(OwnershipMarker.strip(MARKER)).isEmpty();
    assertThat(OwnershipMarker.strip("no marker [here]")).isEqualTo("no marker [here]");
    assertThat(OwnershipMarker.strip(null)).isEmpty();
  }
}
