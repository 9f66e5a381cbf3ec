package dev.vb365.operator.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.MockResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A list's `fieldSelector` (`involvedObject.name=finance,type!=Normal`), which the CRUD dispatcher does not
 * apply: kubectl describe finds an object's Events with one. Fields are dotted paths into each item.
 */
final class FieldSelector {

  private record Term(String path, boolean equal, String value) {
    boolean matches(JsonNode item) {
      JsonNode node = item;
      for (String step : path.split("\\.")) {
        node = node.path(step);
      }
      String actual = node.isMissingNode() || node.isNull() ? "" : node.asText();
      return equal == Objects.equals(actual, value);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<Term> terms;

  private FieldSelector(List<Term> terms) {
    this.terms = terms;
  }

  static FieldSelector parse(String selector) {
    List<Term> terms = new ArrayList<>();
    for (String term : selector.split(",")) {
      if (term.isBlank()) {
        continue;
      }
      int not = term.indexOf("!=");
      if (not >= 0) {
        terms.add(new Term(term.substring(0, not).trim(), false, term.substring(not + 2).trim()));
      } else {
        String[] parts = term.split("==?", 2);
        terms.add(new Term(parts[0].trim(), true, parts.length > 1 ? parts[1].trim() : ""));
      }
    }
    return new FieldSelector(terms);
  }

  boolean matches(JsonNode item) {
    return terms.stream().allMatch(t -> t.matches(item));
  }

  /** The list response with only the matching items; any other response as it is. */
  MockResponse filter(MockResponse response) {
    try {
      JsonNode body = JSON.readTree(response.getBody().getBytes());
      if (!(body instanceof ObjectNode list) || !body.path("items").isArray()) {
        return response;
      }
      ArrayNode kept = JSON.createArrayNode();
      body.path("items").forEach(item -> {
        if (matches(item)) {
          kept.add(item);
        }
      });
      list.set("items", kept);
      return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
          .setBody(new Buffer().writeUtf8(list.toString()));
    } catch (IOException e) {
      return response;
    }
  }
}
