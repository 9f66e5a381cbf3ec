package dev.vb365.operator.secretscan;

/**
 * The suite-wide secret scan over what the toolkit's tests recorded (the end-to-end tests, chaos, the real-server
 * tier): run by the build's secret-scan execution, after every other test JVM of the module has ended.
 */
class ToolkitSecretScanTest extends SuiteSecretScanTest {

  @Override
  boolean suiteWritesToKubernetes() {
    return true;
  }
}
