package dev.vb365.operator.veeam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import mockwebserver3.RecordedRequest;

/** Plain (strict) JSON for test assertions: request bodies are compared as trees. */
public final class Json {

    private static final ObjectMapper STRICT = new ObjectMapper();

    private Json() {
    }

    public static JsonNode tree(String json) {
        try {
            return STRICT.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode body(RecordedRequest request) {
        return tree(request.getBody() == null ? "" : request.getBody().utf8());
    }
}
