package dev.vb365.operator.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vb365.operator.api.DriftPolicy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The operator's policy as a table: what a reconcile does with what it found. */
class DecisionTest {

  /** The plan's differences as they stand (Plan.summary) and as drift (Plan.driftSummary). */
  private static final String AS_IS = "a: VB365 has 1, spec wants 2";
  private static final String DRIFT = "a: changed to 1 outside Kubernetes, spec wants 2";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # case                                | observe | blocked | differs | vanished | wasReady | wasDrifted | moved | policy  | shown  | action       | drift | announce
      new spec, nothing converged yet       | false   | false   | true    | false    | false    | false      | false | Correct |        | APPLY        | false | false
      spec changed (Ready for an old gen)   | false   | false   | true    | false    | false    | false      | true  | Correct |        | APPLY        | false | false
      in sync                               | false   | false   | false   | false    | true     | false      | false | Correct |        | IN_SYNC      | false | false
      in sync although VB365 moved (a run)  | false   | false   | false   | false    | true     | false      | true  | Correct |        | IN_SYNC      | false | false
      drift, corrected                      | false   | false   | true    | false    | true     | false      | true  | Correct |        | APPLY        | true  | true
      drift, reported                       | false   | false   | true    | false    | true     | false      | true  | Report  |        | REPORT_DRIFT | true  | true
      drift reported before, same summary   | false   | false   | true    | false    | false    | true       | false | Report  | drift  | REPORT_DRIFT | true  | false
      drift reported before, new summary    | false   | false   | true    | false    | false    | true       | false | Report  | other  | REPORT_DRIFT | true  | true
      job deleted outside Kubernetes        | false   | false   | true    | true     | true     | false      | true  | Correct |        | APPLY        | true  | true
      ObserveOnly differs                   | true    | false   | true    | false    | true     | false      | true  | Correct |        | OBSERVE_ONLY | true  | true
      ObserveOnly shown before, same words  | true    | false   | true    | false    | false    | true       | false | Correct | as-is  | OBSERVE_ONLY | true  | false
      ObserveOnly shown before, new words   | true    | false   | true    | false    | false    | true       | false | Correct | other  | OBSERVE_ONLY | true  | true
      ObserveOnly in sync                   | true    | false   | false   | false    | true     | false      | false | Correct |        | OBSERVE_ONLY | false | false
      another organization                  | false   | true    | true    | false    | false    | false      | false | Correct |        | BLOCKED      | false | false
      """)
  void decides(String name, boolean observe, boolean blocked, boolean differs, boolean vanished, boolean wasReady,
      boolean wasDrifted, boolean moved, DriftPolicy policy, String shown, Decision.Action action, boolean drift,
      boolean announce) {
    String shownText = shown == null ? null : switch (shown) {
      case "drift" -> DRIFT;
      case "as-is" -> AS_IS;
      default -> "b: changed to 1 outside Kubernetes, spec wants 3";
    };
    Decision d = Decision.of(new Decision.Facts(observe, blocked, differs, vanished, wasReady, wasDrifted, moved,
        policy, AS_IS, DRIFT, shownText));
    assertThat(d.action()).isEqualTo(action);
    assertThat(d.drift()).isEqualTo(drift);
    assertThat(d.announceDrift()).isEqualTo(announce);
    // In the words the Drifted condition shows: as drift, but as they stand for ObserveOnly (the spec may just differ).
    assertThat(d.driftSummary()).isEqualTo(vanished ? "the VB365 job was deleted outside Kubernetes"
        : observe ? AS_IS : DRIFT);
  }
}
