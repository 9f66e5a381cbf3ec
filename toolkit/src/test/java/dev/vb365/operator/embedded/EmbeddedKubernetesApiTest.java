package dev.vb365.operator.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKubernetesApiTest {

  private static final String CRD = """
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata: {name: widgets.example.com}
      spec:
        group: example.com
        scope: Namespaced
        names: {kind: Widget, plural: widgets, singular: widget, shortNames: [wd], categories: [things]}
        versions:
        - name: v1
          served: true
          storage: true
          subresources: {status: {}}
          additionalPrinterColumns:
          - {name: Ready, type: string, jsonPath: '.status.conditions[?(@.type=="Ready")].status'}
          - {name: Size, type: integer, jsonPath: .spec.size}
          - {name: Age, type: date, jsonPath: .metadata.creationTimestamp}
          schema:
            openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}
      """;

  private static EmbeddedKubernetesApi api;

  @BeforeAll
  static void start() {
    api = EmbeddedKubernetesApi.start(0);
    api.installCrd(new ByteArrayInputStream(CRD.getBytes(StandardCharsets.UTF_8)));
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Test
  void realKubectlAppliesGetsAsTableReadsJsonpathAndDeletes(@TempDir Path dir) throws Exception {
    Kubectl kubectl = new Kubectl(api.writeKubeconfig(dir.resolve("kubeconfig")), dir.resolve("cache"));
    Path manifest = dir.resolve("widget.yaml");
    Files.writeString(manifest, """
        apiVersion: example.com/v1
        kind: Widget
        metadata: {name: blue, namespace: default}
        spec: {size: 3}
        """);

    assertThat(kubectl.ok("apply", "--validate=false", "-f", manifest.toString())).contains("widget.example.com/blue created");
    // A second apply of the same file goes through the client-side apply patch path.
    Files.writeString(manifest, Files.readString(manifest).replace("size: 3", "size: 4"));
    assertThat(kubectl.ok("apply", "--validate=false", "-f", manifest.toString())).contains("configured");

    String table = kubectl.ok("get", "wd");
    assertThat(table).contains("NAME", "READY", "SIZE", "AGE").contains("blue").contains("4");
    assertThat(kubectl.ok("get", "widgets", "blue", "-o", "jsonpath={.spec.size}")).isEqualTo("4");
    assertThat(kubectl.ok("api-resources", "--api-group=example.com")).contains("widgets", "wd", "Widget");

    assertThat(kubectl.ok("delete", "widget", "blue")).contains("deleted");
    ResourceDefinitionContext widgets = new ResourceDefinitionContext.Builder().withGroup("example.com")
        .withVersion("v1").withPlural("widgets").withNamespaced(true).build();
    assertThat(api.client().genericKubernetesResources(widgets).inNamespace("default").list().getItems()).isEmpty();
  }

  @Test
  void builtInKindsCanBeAppliedTwiceAndEventsAreListedAndSelectedByField(@TempDir Path dir) throws Exception {
    Kubectl kubectl = new Kubectl(api.writeKubeconfig(dir.resolve("kubeconfig")), dir.resolve("cache"));
    Path secret = dir.resolve("secret.yaml");
    Files.writeString(secret, """
        apiVersion: v1
        kind: Secret
        metadata: {name: creds, namespace: default}
        stringData: {username: admin}
        """);
    assertThat(kubectl.ok("apply", "--validate=false", "-f", secret.toString())).contains("secret/creds created");
    Files.writeString(secret, Files.readString(secret).replace("admin", "operator"));
    // The second apply is a strategic merge patch, which the CRUD mock alone refuses (415).
    assertThat(kubectl.ok("apply", "--validate=false", "-f", secret.toString())).contains("secret/creds configured");
    assertThat(api.client().secrets().inNamespace("default").withName("creds").get().getStringData())
        .containsEntry("username", "operator");

    for (String name : List.of("blue", "green")) {
      api.client().v1().events().inNamespace("default").resource(new EventBuilder().withNewMetadata()
          .withName(name + ".1").endMetadata().withType("Normal").withReason("Painted").withMessage("painted " + name)
          .withLastTimestamp("2026-01-01T00:00:00Z").withNewInvolvedObject().withKind("Widget").withName(name)
          .endInvolvedObject().build()).create();
    }
    assertThat(kubectl.ok("get", "events", "-n", "default")).containsPattern("LAST SEEN +TYPE +REASON +OBJECT +MESSAGE")
        .containsPattern("Normal +Painted +blue +painted blue");
    assertThat(api.client().v1().events().inNamespace("default").withField("involvedObject.name", "green").list()
        .getItems()).extracting(e -> e.getMessage()).containsExactly("painted green");
    assertThat(api.client().v1().events().inNamespace("default").withoutField("involvedObject.name", "green").list()
        .getItems()).extracting(e -> e.getMessage()).containsExactly("painted blue");
  }

  @Test
  void statusSubresourceOfInstalledCrdIsSeparateFromSpec() {
    ResourceDefinitionContext widgets = new ResourceDefinitionContext.Builder().withGroup("example.com")
        .withVersion("v1").withPlural("widgets").withNamespaced(true).build();
    GenericKubernetesResource w = new GenericKubernetesResource();
    w.setApiVersion("example.com/v1");
    w.setKind("Widget");
    w.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName("green").withNamespace("default").build());
    w.setAdditionalProperty("spec", java.util.Map.of("size", 1));
    var client = api.client().genericKubernetesResources(widgets).inNamespace("default");
    client.resource(w).create();
    GenericKubernetesResource withStatus = client.withName("green").get();
    withStatus.setAdditionalProperty("status", java.util.Map.of("phase", "ok"));
    client.resource(withStatus).updateStatus();
    assertThat(client.withName("green").get().getAdditionalProperties().get("status")).isEqualTo(java.util.Map.of("phase", "ok"));
    client.withName("green").delete();
  }

  @Test
  void crdsAreListedForClients() {
    CustomResourceDefinition crd = api.client().apiextensions().v1().customResourceDefinitions()
        .withName("widgets.example.com").get();
    assertThat(crd.getSpec().getNames().getShortNames()).containsExactly("wd");
  }
}
