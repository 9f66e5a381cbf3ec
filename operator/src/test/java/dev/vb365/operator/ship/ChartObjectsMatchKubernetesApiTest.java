package dev.vb365.operator.ship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reads every rendered Kubernetes object into fabric8's model of the Kubernetes API with unknown
 * fields forbidden: a misspelt field (readOnlyRootFileSystem) or a wrong type would otherwise be
 * dropped silently by the API server, e.g. a security setting that never takes effect.
 */
class ChartObjectsMatchKubernetesApiTest {

  private static final Map<String, Class<? extends HasMetadata>> MODEL = Map.of(
      "Deployment", Deployment.class,
      "Service", Service.class,
      "ServiceAccount", ServiceAccount.class,
      "ConfigMap", ConfigMap.class,
      "PodDisruptionBudget", PodDisruptionBudget.class,
      "Role", Role.class,
      "RoleBinding", RoleBinding.class,
      "ClusterRole", ClusterRole.class,
      "ClusterRoleBinding", ClusterRoleBinding.class);

  /** fabric8 keeps unknown fields in "additionalProperties"; this mapper refuses them instead. */
  private static final ObjectMapper STRICT = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
        @Override
        public Boolean hasAnySetter(Annotated annotated) {
          return Boolean.FALSE;
        }
      });

  static Stream<String> valueSets() {
    return Stream.concat(ChartSecurityTest.valueSets(), Stream.of(
        RenderedChart.resource("high-availability.yaml") + RenderedChart.resource("monitoring.yaml")));
  }

  @ParameterizedTest
  @MethodSource("valueSets")
  void everyObjectIsValidForItsKind(String values) throws Exception {
    for (JsonNode object : RenderedChart.template(values).all()) {
      String kind = object.path("kind").asText();
      if (kind.equals("ServiceMonitor") || kind.equals("PrometheusRule")) {
        continue; // Prometheus Operator kinds: not in fabric8's core model
      }
      assertThat(MODEL).as("a model for %s", kind).containsKey(kind);
      HasMetadata typed = STRICT.treeToValue(object, MODEL.get(kind));
      assertThat(typed.getMetadata().getName()).isNotBlank();
    }
  }

  @Test
  void theStrictReaderReallyRefusesUnknownFields() {
    JsonNode misspelt = RenderedChart.YAML.valueToTree(Map.of("apiVersion", "v1", "kind", "ServiceAccount",
        "metadata", Map.of("name", "x"), "automountServiceAcountToken", true));
    assertThatThrownBy(() -> STRICT.treeToValue(misspelt, ServiceAccount.class))
        .hasMessageContaining("automountServiceAcountToken");

    // Deep inside a Deployment too (the chart passes securityContext through as given).
    JsonNode deployment = RenderedChart.template("securityContext: {readOnlyRootFileSystem: true}\n").deployment();
    assertThatThrownBy(() -> STRICT.treeToValue(deployment, Deployment.class))
        .hasMessageContaining("readOnlyRootFileSystem");
  }
}
