package dev.vb365.operator.ship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** values.schema.json turns typos and wrong types into an install error instead of silence. */
class ChartValuesSchemaTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      replicaCount: two                                  | replicaCount
      replicaCount: -1                                   | replicaCount
      watchNamespace: [team-a]                           | watchNamespace
      watchNamespaces: team-a                            | watchNamespaces
      watchNamespaces: [Team_A]                          | watchNamespaces
      operator: {logFormat: xml}                         | logFormat
      operator: {logLevel: verbose}                      | logLevel
      operator: {resyncInterval: 10 minutes}             | resyncInterval
      operator: {feed: {mode: stream}}                   | mode
      operator: {concurrency: 0}                         | concurrency
      operator: {timeout: 5s}                            | timeout
      leaderElection: {enabled: sometimes}               | enabled
      image: {pullPolicy: Sometimes}                     | pullPolicy
      metrics: {port: 80}                                | port
      metrics: {serviceMonitor: {enable: true}}          | enable
      defaultConnection: {secretRef: {name: My_Secret}}  | name
      podDisruptionBudget: {maxUnavailable: half}        | maxUnavailable
      """)
  void rejects(String values, String offendingKey) {
    assertThatThrownBy(() -> RenderedChart.template(values + "\n"))
        .hasMessageContaining("values don't meet the specifications of the schema")
        .hasMessageContaining(offendingKey);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "operator: {logFormat: json, logLevel: DEBUG, resyncInterval: 1h, feed: {mode: poll, pollInterval: 30s}}",
      "leaderElection: {enabled: true}",
      "podDisruptionBudget: {enabled: auto, maxUnavailable: 50%}",
      "image: {digest: sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef}",
      "watchNamespaces: [team-a]\nlabelSelector: vb365.dev/shard=a",
      "resources: {requests: {cpu: 250m, memory: 512Mi}, limits: {memory: 1Gi}}",
  })
  void accepts(String values) {
    assertThat(RenderedChart.template(values + "\n").deployment()).isNotNull();
  }
}
