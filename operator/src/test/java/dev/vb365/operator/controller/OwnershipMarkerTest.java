package dev.vb365.operator.controller;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OwnershipMarkerTest {

  private static final String MARKER = OwnershipMarker.of("prod-east", "contoso", "finance");

  @Test
  void theMarkerEndsTheDescription() {
    assertThat(OwnershipMarker.describe("Finance mailboxes", MARKER))
        .isEqualTo("Finance mailboxes [managed by vb365-operator: contoso/finance in cluster prod-east]");
    assertThat(OwnershipMarker.describe(null, MARKER)).isEqualTo(MARKER);
    assertThat(OwnershipMarker.describe("  ", MARKER)).isEqualTo(MARKER);
  }

  @Test
  void onlyOurOwnMarkerCounts() {
    assertThat(OwnershipMarker.marks("x " + MARKER, MARKER)).isTrue();
    assertThat(OwnershipMarker.marks("x " + OwnershipMarker.of("prod-east", "contoso", "finance2"), MARKER)).isFalse();
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

  @Test
  void theMarkerNamesTheCluster() {
    assertThat(MARKER).isEqualTo("[managed by vb365-operator: contoso/finance in cluster prod-east]");
    assertThat(OwnershipMarker.owner("Finance " + MARKER)).contains(
        new OwnershipMarker.Owner("prod-east", "contoso", "finance"));
    assertThat(OwnershipMarker.owner("[managed by vb365-operator: contoso/finance]")).contains(
        new OwnershipMarker.Owner(null, "contoso", "finance"));
    assertThat(OwnershipMarker.owner("[managed by vb365-operator: nonsense]")).isEmpty();
    assertThat(OwnershipMarker.owner("[managed by vb365-operator: a/b in cluster ]")).isEmpty();
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0} -> {1}")
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
      Finance [managed by vb365-operator: contoso/finance in cluster prod-east]   | OURS
      [managed by vb365-operator: contoso/finance]                                | OURS_LEGACY
      Made in the console                                                         | UNMARKED
      ''                                                                          | UNMARKED
      [managed by vb365-operator: contoso/hr in cluster prod-east]                | OTHER_BACKUPJOB
      [managed by vb365-operator: fabrikam/finance in cluster prod-east]          | OTHER_BACKUPJOB
      [managed by vb365-operator: contoso/hr]                                     | OTHER_BACKUPJOB
      [managed by vb365-operator: contoso/finance in cluster dr-west]             | OTHER_CLUSTER
      [managed by vb365-operator: contoso/finance in cluster prod-east] edited    | UNMARKED
      """)
  void howAJobRelatesToABackupJob(String description, OwnershipMarker.Relation expected) {
    assertThat(OwnershipMarker.relation(description, new OwnershipMarker.Owner("prod-east", "contoso", "finance")))
        .isEqualTo(expected);
  }
}
