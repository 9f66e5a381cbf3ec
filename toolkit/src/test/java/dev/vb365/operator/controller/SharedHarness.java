package dev.vb365.operator.controller;

/**
 * One {@link OperatorTestHarness} for the end-to-end test classes that need no special settings:
 * starting the Kubernetes API, the simulator and the operator once saves seconds per class. Each
 * test uses namespaces of its own; counters are reset per test. Closed when the test JVM exits.
 */
final class SharedHarness {

  private static OperatorTestHarness harness;

  private SharedHarness() {
  }

  static synchronized OperatorTestHarness get() {
    if (harness == null) {
      OperatorTestHarness started = OperatorTestHarness.start();
      harness = started;
      Runtime.getRuntime().addShutdownHook(new Thread(started::close, "close-operator-test-harness"));
    }
    return harness;
  }
}
