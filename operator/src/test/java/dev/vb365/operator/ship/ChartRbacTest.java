package dev.vb365.operator.ship;

import static dev.vb365.operator.ship.RenderedChart.FULLNAME;
import static dev.vb365.operator.ship.RenderedChart.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The operator gets exactly the API access it uses, in exactly the namespaces it works in. */
class ChartRbacTest {

  /** group/resource -> the verbs the operator may have on it. Anything else is a finding. */
  private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
      // What the operator uses on a real API server (ChartOnRealServerIT measures it from the audit log).
      Map.entry("backup.vb365.dev/backupjobs", Set.of("get", "list", "watch", "patch")),
      Map.entry("backup.vb365.dev/jobitems", Set.of("list", "watch")),
      Map.entry("backup.vb365.dev/backupcopyjobs", Set.of("list", "watch", "patch")),
      Map.entry("backup.vb365.dev/backupcopyjobs/status", Set.of("update")),
      Map.entry("backup.vb365.dev/backupjobs/status", Set.of("update")),
      Map.entry("backup.vb365.dev/jobitems/status", Set.of("update")),
      // Connection Secrets are read one at a time: no list or watch, so no cache of other Secrets.
      Map.entry("/secrets", Set.of("get")),
      Map.entry("/events", Set.of("create")),
      // The cluster identity (kube-system's UID), by resourceNames, unless clusterName is set.
      Map.entry("/namespaces", Set.of("get")),
      Map.entry("coordination.k8s.io/leases", Set.of("create", "get", "update", "patch")));

  record Rule(String kind, String role, String namespace, List<String> apiGroups, List<String> resources,
      List<String> verbs, List<String> resourceNames, boolean aggregated) {

    Stream<String> groupResources() {
      return apiGroups.stream().flatMap(g -> resources.stream().map(r -> g + "/" + r));
    }
  }

  static Stream<String> valueSets() {
    return ChartSecurityTest.valueSets();
  }

  static List<Rule> rules(RenderedChart chart) {
    List<Rule> rules = new ArrayList<>();
    for (String kind : List.of("Role", "ClusterRole")) {
      for (JsonNode role : chart.ofKind(kind)) {
        JsonNode meta = role.path("metadata");
        boolean aggregated = StreamSupport.stream(
            ((Iterable<String>) () -> meta.path("labels").fieldNames()).spliterator(), false)
            .anyMatch(l -> l.startsWith("rbac.authorization.k8s.io/aggregate-to-"));
        for (JsonNode rule : role.path("rules")) {
          rules.add(new Rule(kind, meta.path("name").asText(), meta.path("namespace").asText(null),
              texts(rule.path("apiGroups")), texts(rule.path("resources")), texts(rule.path("verbs")),
              texts(rule.path("resourceNames")), aggregated));
        }
      }
    }
    return rules;
  }

  static List<Rule> operatorRules(RenderedChart chart) {
    return rules(chart).stream().filter(r -> !r.aggregated()).toList();
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  @ParameterizedTest
  @MethodSource("valueSets")
  void noWildcardsAnywhere(String values) {
    List<Rule> rules = rules(RenderedChart.template(values));
    assertThat(rules).isNotEmpty().allSatisfy(rule -> {
      assertThat(rule.apiGroups()).doesNotContain("*");
      assertThat(rule.resources()).isNotEmpty().noneMatch(r -> r.contains("*"));
      assertThat(rule.verbs()).isNotEmpty().doesNotContain("*");
      assertThat(rule.resourceNames()).doesNotContain("*");
    });
  }

  @ParameterizedTest
  @MethodSource("valueSets")
  void operatorGetsOnlyTheResourcesAndVerbsItUses(String values) {
    assertThat(operatorRules(RenderedChart.template(values))).isNotEmpty().allSatisfy(rule ->
        rule.groupResources().forEach(gr -> {
          assertThat(ALLOWED).as("unexpected resource %s in %s", gr, rule.role()).containsKey(gr);
          assertThat(ALLOWED.get(gr)).as("verbs on %s in %s", gr, rule.role()).containsAll(rule.verbs());
        }));
  }

  @ParameterizedTest
  @MethodSource("valueSets")
  void everyBindingNamesTheOperatorServiceAccountAndARoleThatExists(String values) {
    RenderedChart chart = RenderedChart.template(values);
    Stream.concat(chart.ofKind("RoleBinding").stream(), chart.ofKind("ClusterRoleBinding").stream())
        .forEach(binding -> {
          assertThat(binding.path("subjects")).singleElement().satisfies(subject -> {
            assertThat(subject.path("kind").asText()).isEqualTo("ServiceAccount");
            assertThat(subject.path("name").asText()).isEqualTo(FULLNAME);
            assertThat(subject.path("namespace").asText()).isEqualTo(NAMESPACE);
          });
          JsonNode roleRef = binding.path("roleRef");
          String roleName = roleRef.path("name").asText();
          if (roleRef.path("kind").asText().equals("Role")) {
            // A RoleBinding can only refer to a Role in its own namespace.
            chart.named("Role", roleName, binding.path("metadata").path("namespace").asText());
          } else {
            chart.named("ClusterRole", roleName);
          }
        });
  }

  @Test
  void byDefaultTheOperatorWorksClusterWideWithoutLeases() {
    RenderedChart chart = RenderedChart.template("");
    assertThat(chart.ofKind("ClusterRoleBinding")).extracting(b -> b.path("roleRef").path("name").asText())
        .containsExactlyInAnyOrder(FULLNAME, FULLNAME + "-cluster-identity");
    assertThat(operatorRules(chart)).allSatisfy(rule -> assertThat(rule.kind()).isEqualTo("ClusterRole"));
    assertThat(grantedResources(chart)).containsExactlyInAnyOrder(
        "backup.vb365.dev/backupjobs", "backup.vb365.dev/jobitems", "backup.vb365.dev/backupcopyjobs",
        "backup.vb365.dev/backupjobs/status", "backup.vb365.dev/jobitems/status",
        "backup.vb365.dev/backupcopyjobs/status", "/secrets", "/events",
        "/namespaces");
  }

  @Test
  void namespacedModeGrantsTheSameRulesThroughRolesInTheListedNamespacesOnly() {
    // With a cluster name there is no need to read kube-system: nothing cluster-wide at all.
    RenderedChart chart = RenderedChart.template(RenderedChart.resource("namespaced.yaml") + "clusterName: a\n");

    assertThat(chart.ofKind("ClusterRoleBinding")).isEmpty();
    assertThat(chart.ofKind("RoleBinding")).allSatisfy(b ->
        assertThat(b.path("roleRef").path("kind").asText()).isEqualTo("Role"));
    // ClusterRoles may only be the unbound aggregations into the built-in user roles.
    assertThat(chart.ofKind("ClusterRole")).allSatisfy(role ->
        assertThat(role.path("metadata").path("labels").toString()).contains("aggregate-to-"));
    assertThat(operatorRules(chart)).allSatisfy(rule -> assertThat(rule.kind()).isEqualTo("Role"));

    List<Rule> clusterWide = operatorRules(RenderedChart.template("")).stream()
        .filter(r -> r.role().equals(FULLNAME)).toList();
    for (String namespace : List.of("team-a", "team-b")) {
      List<Rule> inNamespace = operatorRules(chart).stream()
          .filter(r -> namespace.equals(r.namespace()) && r.role().equals(FULLNAME)).toList();
      assertThat(withoutPlacement(inNamespace)).as(namespace).isEqualTo(withoutPlacement(clusterWide));
    }
    assertThat(chart.env("VB365_WATCH_NAMESPACES")).isEqualTo("team-a,team-b");
  }

  @Test
  void namespacedModeReadsTheDefaultConnectionSecretByNameOnly() {
    RenderedChart chart = RenderedChart.templateResource("namespaced.yaml");

    List<Rule> connection = operatorRules(chart).stream()
        .filter(r -> r.role().equals(FULLNAME + "-default-connection")).toList();
    assertThat(connection).singleElement().satisfies(rule -> {
      assertThat(rule.namespace()).isEqualTo(NAMESPACE);
      assertThat(rule.resources()).containsExactly("secrets");
      assertThat(rule.resourceNames()).containsExactly("vb365-connection");
      assertThat(rule.verbs()).containsExactly("get");
    });
    assertThat(chart.env("VB365_DEFAULT_CONNECTION_SECRET")).isEqualTo(NAMESPACE + "/vb365-connection");
  }

  @Test
  void noClusterRolesAtAllWhenNamespacedWithAClusterNameAndUserRolesAreOff() {
    RenderedChart chart = RenderedChart.template(RenderedChart.resource("namespaced.yaml")
        + "rbac:\n  aggregateToDefaultRoles: false\nclusterName: prod-east\n");
    assertThat(chart.ofKind("ClusterRole")).isEmpty();
    assertThat(chart.ofKind("ClusterRoleBinding")).isEmpty();
    assertThat(chart.env("VB365_CLUSTER_NAME")).isEqualTo("prod-east");
  }

  @Test
  void withoutAClusterNameTheOnlyClusterWideRightOfANamespacedInstallIsGetOnKubeSystem() {
    RenderedChart chart = RenderedChart.template(RenderedChart.resource("namespaced.yaml")
        + "rbac:\n  aggregateToDefaultRoles: false\n");
    assertThat(rules(chart).stream().filter(r -> r.kind().equals("ClusterRole")).toList()).singleElement()
        .satisfies(rule -> {
          assertThat(rule.groupResources()).containsExactly("/namespaces");
          assertThat(rule.verbs()).containsExactly("get");
          assertThat(rule.resourceNames()).containsExactly("kube-system");
        });
  }

  @Test
  void leaseRulesComeOnlyWithLeaderElectionAndOnlyInTheReleaseNamespace() {
    assertThat(grantedResources(RenderedChart.template(""))).doesNotContain("coordination.k8s.io/leases");
    assertThat(grantedResources(RenderedChart.templateResource("namespaced.yaml")))
        .doesNotContain("coordination.k8s.io/leases");

    for (String values : List.of(RenderedChart.resource("high-availability.yaml"),
        "leaderElection:\n  enabled: true\n")) {
      RenderedChart chart = RenderedChart.template(values);
      List<Rule> leases = operatorRules(chart).stream()
          .filter(r -> r.resources().contains("leases")).toList();
      assertThat(leases).isNotEmpty().allSatisfy(rule -> {
        assertThat(rule.kind()).isEqualTo("Role");
        assertThat(rule.namespace()).isEqualTo(NAMESPACE);
        assertThat(rule.resources()).containsExactly("leases");
      });
      // JOSDK refuses to start without get, create and update; fabric8 renews the Lease by patch.
      assertThat(leases.stream().flatMap(r -> r.verbs().stream()))
          .contains("get", "create", "update", "patch");
      // Only create is granted without a name; the rest is limited to the operator's own Lease.
      assertThat(leases).allSatisfy(rule -> {
        if (!rule.verbs().equals(List.of("create"))) {
          assertThat(rule.resourceNames()).containsExactly("vb365-operator");
        }
      });
    }
  }

  @Test
  void userRolesLetNamespaceEditorsManageBackupJobsButBindNobody() {
    RenderedChart chart = RenderedChart.template("");
    List<Rule> aggregated = rules(chart).stream().filter(Rule::aggregated).toList();
    assertThat(aggregated).isNotEmpty().allSatisfy(rule ->
        assertThat(rule.apiGroups()).containsExactly("backup.vb365.dev"));
    assertThat(chart.ofKind("ClusterRoleBinding")).allSatisfy(b ->
        assertThat(b.path("roleRef").path("name").asText()).isIn(FULLNAME, FULLNAME + "-cluster-identity"));
  }

  private static Set<String> grantedResources(RenderedChart chart) {
    return operatorRules(chart).stream().flatMap(Rule::groupResources).collect(Collectors.toSet());
  }

  private static List<List<List<String>>> withoutPlacement(List<Rule> rules) {
    return rules.stream().map(r -> List.of(r.apiGroups(), r.resources(), r.verbs())).toList();
  }
}
