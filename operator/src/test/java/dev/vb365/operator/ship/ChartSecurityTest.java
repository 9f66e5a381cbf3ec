package dev.vb365.operator.ship;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every value set the tests use renders a Deployment that passes the "restricted" pod security bar. */
class ChartSecurityTest {

  static Stream<String> valueSets() {
    return Stream.of("", RenderedChart.resource("namespaced.yaml"),
        RenderedChart.resource("high-availability.yaml"), RenderedChart.resource("monitoring.yaml"));
  }

  @ParameterizedTest
  @MethodSource("valueSets")
  void podRunsNonRootReadOnlyWithoutCapabilities(String values) {
    RenderedChart chart = RenderedChart.template(values);
    JsonNode pod = chart.deployment().path("spec").path("template").path("spec");
    JsonNode container = chart.operatorContainer();
    JsonNode security = container.path("securityContext");

    assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
    assertThat(pod.path("securityContext").path("runAsUser").asInt()).isEqualTo(65532);
    assertThat(pod.path("securityContext").path("seccompProfile").path("type").asText())
        .isEqualTo("RuntimeDefault");
    assertThat(security.path("runAsNonRoot").asBoolean()).isTrue();
    assertThat(security.path("readOnlyRootFilesystem").asBoolean()).isTrue();
    assertThat(security.path("allowPrivilegeEscalation").isBoolean()).isTrue();
    assertThat(security.path("allowPrivilegeEscalation").asBoolean()).isFalse();
    assertThat(security.path("privileged").asBoolean()).isFalse();
    assertThat(security.path("capabilities").path("drop")).extracting(JsonNode::asText).containsExactly("ALL");
    assertThat(security.path("capabilities").has("add")).isFalse();
    assertThat(security.path("seccompProfile").path("type").asText()).isEqualTo("RuntimeDefault");

    // A read-only root filesystem needs a writable /tmp for the JVM.
    assertThat(container.path("volumeMounts")).anySatisfy(m -> {
      assertThat(m.path("mountPath").asText()).isEqualTo("/tmp");
      assertThat(pod.path("volumes")).anySatisfy(v -> {
        assertThat(v.path("name").asText()).isEqualTo(m.path("name").asText());
        assertThat(v.has("emptyDir")).isTrue();
      });
    });
    assertThat(pod.path("hostNetwork").asBoolean()).isFalse();
    assertThat(pod.path("hostPID").asBoolean()).isFalse();
  }

  @ParameterizedTest
  @MethodSource("valueSets")
  void containerHasRequestsLimitsAndProbesOnTheHealthEndpoints(String values) {
    JsonNode container = RenderedChart.template(values).operatorContainer();

    for (String bound : new String[] {"requests", "limits"}) {
      JsonNode resources = container.path("resources").path(bound);
      assertThat(resources.path("cpu").asText()).as("%s.cpu", bound).isNotEmpty();
      assertThat(resources.path("memory").asText()).as("%s.memory", bound).isNotEmpty();
    }
    assertThat(container.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/healthz");
    assertThat(container.path("startupProbe").path("httpGet").path("path").asText()).isEqualTo("/healthz");
    assertThat(container.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/readyz");
    for (String probe : new String[] {"livenessProbe", "readinessProbe", "startupProbe"}) {
      assertThat(container.path(probe).path("httpGet").path("port").asText()).isEqualTo("http");
    }
    assertThat(container.path("ports")).singleElement().satisfies(port -> {
      assertThat(port.path("name").asText()).isEqualTo("http");
      assertThat(port.path("containerPort").asInt()).isEqualTo(8080);
    });
  }
}
