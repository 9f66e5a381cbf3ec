package dev.vb365.operator.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The protobuf kubectl 1.36 sends for `create namespace` and `create secret generic` (captured from it). */
class ProtobufObjectsTest {

  private static final String NAMESPACE = "6b3873000a0f0a02763112094e616d65737061636512190a110a017812001a0022002a"
      + "0032003800420012001a020a001a002200";
  private static final String SECRET = "6b3873000a0c0a027631120653656372657412250a190a02733112001a07636f6e746f"
      + "736f22002a0032003800420012060a01611201621a001a002200";

  @Test
  void aNamespace() {
    ObjectNode json = ProtobufObjects.toJson(HexFormat.of().parseHex(NAMESPACE)).orElseThrow();
    assertThat(json.path("kind").asText()).isEqualTo("Namespace");
    assertThat(json.at("/metadata/name").asText()).isEqualTo("x");
    assertThat(json.at("/metadata").has("generateName")).as("empty strings are absent, as in JSON").isFalse();
  }

  @Test
  void aSecretWithItsDataAsBase64() {
    ObjectNode json = ProtobufObjects.toJson(HexFormat.of().parseHex(SECRET)).orElseThrow();
    assertThat(json.path("kind").asText()).isEqualTo("Secret");
    assertThat(json.at("/metadata/name").asText()).isEqualTo("s1");
    assertThat(json.at("/metadata/namespace").asText()).isEqualTo("contoso");
    assertThat(json.at("/data/a").asText()).isEqualTo("Yg==");
  }

  @Test
  void anythingElseIsNotRead() {
    assertThat(ProtobufObjects.toJson("{\"kind\":\"Pod\"}".getBytes())).isEmpty();
    assertThat(ProtobufObjects.toJson(HexFormat.of().parseHex("6b387300ff"))).isEmpty();
  }
}
