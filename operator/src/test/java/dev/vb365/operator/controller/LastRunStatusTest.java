package dev.vb365.operator.controller;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** LAST STATUS as people read it: a job that never ran says so, instead of VB365's "Stopped". */
class LastRunStatusTest {

  @ParameterizedTest(name = "{0}, lastRun {1}: {2}")
  @CsvSource(nullValues = "-", textBlock = """
      Stopped, -,                    NeverRun
      -,       -,                    NeverRun
      Running, -,                    Running
      Queued,  -,                    Queued
      Stopped, 2026-12-07T22:00:00Z, Stopped
      Success, 2026-12-07T22:00:00Z, Success
      Failed,  2026-12-07T22:00:00Z, Failed
      -,       2026-12-07T22:00:00Z, -
      """)
  void lastStatus(String vb365Status, Instant lastRun, String shown) {
    assertThat(LastRunStatus.of(vb365Status, lastRun)).isEqualTo(shown);
  }
}
