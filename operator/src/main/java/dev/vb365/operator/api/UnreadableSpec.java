package dev.vb365.operator.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A spec the API server stored but the Java model cannot hold: a value the CRD schema would reject
 * (an unknown enum value, a string where a number belongs) that reached the operator because the
 * API server enforced no schema. Kept as sent, so that writing the resource back (a status update,
 * a finalizer) never changes the spec, and so that the reconciler can name the field and the value.
 *
 * @param path the field, e.g. {@code spec.selectedItems[0].type}
 * @param problem what is wrong with it, with the value as written
 * @param raw the spec as stored
 */
public record UnreadableSpec(String path, String problem, JsonNode raw) {

  public UnreadableSpec {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(problem, "problem");
    Objects.requireNonNull(raw, "raw");
  }
}
