package dev.vb365.operator.ship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** replicaCount above 1: one active operator, the others on standby, safe to drain and upgrade. */
class ChartHighAvailabilityTest {

  @Test
  void twoReplicasSwitchOnLeaderElectionADisruptionBudgetAndSpreading() {
    RenderedChart chart = RenderedChart.templateResource("high-availability.yaml");
    JsonNode spec = chart.deployment().path("spec");

    assertThat(spec.path("replicas").asInt()).isEqualTo(2);
    assertThat(chart.env("VB365_LEADER_ELECTION")).isEqualTo("true");
    assertThat(chart.env("VB365_LEADER_ELECTION_LEASE")).isEqualTo("vb365-operator");
    assertThat(spec.path("strategy").path("type").asText()).isEqualTo("RollingUpdate");

    JsonNode pdb = chart.one("PodDisruptionBudget");
    assertThat(pdb.path("apiVersion").asText()).isEqualTo("policy/v1");
    assertThat(pdb.path("spec").path("maxUnavailable").asInt()).isEqualTo(1);
    assertThat(pdb.path("spec").path("selector").path("matchLabels"))
        .isEqualTo(spec.path("selector").path("matchLabels"));

    JsonNode antiAffinity = spec.path("template").path("spec").path("affinity").path("podAntiAffinity");
    assertThat(antiAffinity.path("preferredDuringSchedulingIgnoredDuringExecution")).singleElement()
        .satisfies(term -> assertThat(term.path("podAffinityTerm").path("topologyKey").asText())
            .isEqualTo("kubernetes.io/hostname"));
  }

  @Test
  void twoReplicasWithoutLeaderElectionAreRefused() {
    assertThatThrownBy(() -> RenderedChart.template("replicaCount: 2\nleaderElection:\n  enabled: false\n"))
        .hasMessageContaining("replicaCount > 1 needs leader election");
  }

  @Test
  void leaderElectionCanBeOnForASingleReplica() {
    RenderedChart chart = RenderedChart.template("leaderElection:\n  enabled: true\n  leaseName: backup-ops\n");
    assertThat(chart.env("VB365_LEADER_ELECTION")).isEqualTo("true");
    assertThat(chart.env("VB365_LEADER_ELECTION_LEASE")).isEqualTo("backup-ops");
    assertThat(chart.ofKind("PodDisruptionBudget")).isEmpty();
    assertThat(chart.deployment().path("spec").path("strategy").path("type").asText()).isEqualTo("RollingUpdate");
  }

  @Test
  void disruptionBudgetCanBeForcedOnOrOff() {
    assertThat(RenderedChart.template("podDisruptionBudget:\n  enabled: true\n").ofKind("PodDisruptionBudget"))
        .hasSize(1);
    assertThat(RenderedChart.template("replicaCount: 3\npodDisruptionBudget:\n  enabled: false\n")
        .ofKind("PodDisruptionBudget")).isEmpty();
  }
}
