package dev.vb365.operator.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestTallyTest {

  @Test
  void namesRequestsByMethodKindAndSubresource() {
    assertThat(RequestTally.key("PUT", "/apis/backup.vb365.dev/v1alpha1/namespaces/bench/backupjobs/bench-00001/status",
        "")).isEqualTo("PUT backupjobs/status");
    assertThat(RequestTally.key("PATCH", "/apis/backup.vb365.dev/v1alpha1/namespaces/bench/backupjobs/bench-00001",
        "")).isEqualTo("PATCH backupjobs");
    assertThat(RequestTally.key("POST", "/api/v1/namespaces/bench/events", "")).isEqualTo("POST events");
    assertThat(RequestTally.key("GET", "/apis/backup.vb365.dev/v1alpha1/namespaces/bench/backupjobs",
        "allowWatchBookmarks=true&watch=true")).isEqualTo("WATCH backupjobs");
    assertThat(RequestTally.key("GET", "/version", "")).isEqualTo("GET (other)");
  }

  @Test
  void countsAndTimesEachKindAndResets() {
    RequestTally tally = new RequestTally();
    tally.begin();
    tally.end();
    tally.record("POST", "/api/v1/namespaces/a/events", "", 2_000_000);
    tally.record("POST", "/api/v1/namespaces/b/events", "", 3_000_000);
    assertThat(tally.snapshot()).containsEntry("POST events", new RequestTally.Figure(2, 5_000_000));
    tally.reset();
    assertThat(tally.snapshot()).isEmpty();
    assertThat(tally.busyNanos()).isZero();
  }
}
