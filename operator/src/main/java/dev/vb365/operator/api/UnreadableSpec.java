package dev.vb365.operator.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * A spec the API server stored but the Java model cannot hold: fields the CRD schema does not declare, values it
 * would reject (an unknown enum value, a string where a number belongs). They reach the operator where the API
 * server enforced no schema (an older CRD, a stand-in API server). Kept as sent, so that writing the resource back
 * (a status update, a finalizer) never changes the spec, and so that the reconciler can name every problem at once.
 *
 * @param problems each field and what is wrong with it, in the order found
 * @param raw the spec as stored
 */
public record UnreadableSpec(List<Problem> problems, JsonNode raw) {

  /**
   * @param path the field, e.g. {@code spec.selectedItems[0].type}
   * @param problem what is wrong with it, with the value as written
   */
  public record Problem(String path, String problem) {
    public Problem {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(problem, "problem");
    }
  }

  public UnreadableSpec {
    problems = List.copyOf(problems);
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("an unreadable spec has at least one problem");
    }
    Objects.requireNonNull(raw, "raw");
  }
}
