package dev.vb365.operator.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Spec fragments written in YAML flow style, read strictly (an unknown field fails the test). */
final class SpecYaml {

  private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());

  private SpecYaml() {
  }

  static <T> T read(String yaml, Class<T> type) {
    try {
      return MAPPER.readValue(yaml, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
