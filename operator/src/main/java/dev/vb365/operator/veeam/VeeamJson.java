package dev.vb365.operator.veeam;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The client's one JSON configuration. Tolerant where VB365 is known to vary (property and enum
 * case, unknown properties, nulls, dates without offset, a trailing comma as in the published v3
 * examples), strict where a response cannot be trusted (trailing garbage, invalid escapes).
 */
final class VeeamJson {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule("vb365-lenient-dates").addDeserializer(Instant.class, new LenientInstant()))
            .build();

    private VeeamJson() {
    }

    static JavaType type(Class<?> type) {
        return MAPPER.constructType(type);
    }

    static JavaType listOf(Class<?> element) {
        return MAPPER.getTypeFactory().constructCollectionType(List.class, element);
    }

    static JavaType pageOf(Class<?> element) {
        return MAPPER.getTypeFactory().constructParametricType(Wire.Page.class, element);
    }

    static byte[] write(Object body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + body.getClass().getSimpleName(), e);
        }
    }

    /** Parses a whole body as {@code type}; invalid input becomes a {@link MalformedResponseException}. */
    static <T> T read(InputStream body, JavaType type, Endpoint endpoint, int status, boolean sensitive)
            throws IOException {
        try {
            return MAPPER.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw malformed(endpoint, status, e, sensitive);
        }
    }

    /**
     * Reads a list endpoint's body, which is a page object (v8) or a plain array (v6/v7 lists), in
     * one streaming pass.
     */
    static <T> PageResult<T> readPageOrArray(InputStream body, Class<T> element, Endpoint endpoint, int status)
            throws IOException {
        try (JsonParser parser = MAPPER.createParser(body)) {
            JsonToken first = parser.nextToken();
            PageResult<T> result;
            if (first == JsonToken.START_ARRAY) {
                List<T> items = MAPPER.readValue(parser, listOf(element));
                result = new PageResult<>(items, true, null, null);
            } else if (first == JsonToken.START_OBJECT) {
                Wire.Page<T> page = MAPPER.readValue(parser, pageOf(element));
                result = new PageResult<>(page.results() == null ? List.of() : page.results(), false,
                        page.limit(), page.setId());
            } else {
                throw new MalformedResponseException(endpoint, status,
                        "expected a JSON page or array but got " + (first == null ? "an empty body" : first), null);
            }
            if (parser.nextToken() != null) {
                throw new MalformedResponseException(endpoint, status, "trailing data after the JSON value", null);
            }
            return result;
        } catch (JsonProcessingException e) {
            throw malformed(endpoint, status, e, false);
        }
    }

    static MalformedResponseException malformed(Endpoint endpoint, int status, JsonProcessingException e,
            boolean sensitive) {
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        // Jackson quotes offending input in its messages; a token response must never be quoted.
        // Jackson names Java types in its messages (`java.lang.String`, `dev.vb365...Job`): keep the simple name.
        String why = sensitive ? "" : ": " + abbreviate(String.valueOf(e.getOriginalMessage())
                .replaceAll("`(?:[a-z][a-z0-9_]*\\.)+([A-Za-z0-9_$]+)`", "$1").replaceAll("\\(class [^)]*\\)", ""), 200);
        String what = e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException
                && !String.valueOf(e.getOriginalMessage()).contains("end-of-input")
                ? "JSON of an unexpected shape" : "malformed JSON";
        return new MalformedResponseException(endpoint, status, what + where + why, sensitive ? null : e);
    }

    static String abbreviate(String text, int max) {
        if (text == null) {
            return null;
        }
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "...";
    }

    /** One page of a list call. {@code wholeList} when the server sent a plain array (no paging). */
    record PageResult<T>(List<T> items, boolean wholeList, Integer limit, String setId) {
    }

    /**
     * Instants as VB365 sends them: with or without offset (no offset means UTC), any fraction
     * digits, and .NET's {@code 0001-01-01T00:00:00} for "never" (read as null).
     */
    static final class LenientInstant extends StdScalarDeserializer<Instant> {

        LenientInstant() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                return Instant.ofEpochMilli(p.getLongValue());
            }
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
            }
            String text = p.getText().trim();
            if (text.isEmpty()) {
                return null;
            }
            try {
                Instant instant;
                try {
                    instant = OffsetDateTime.parse(text).toInstant();
                } catch (DateTimeException withoutOffset) {
                    instant = LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
                }
                return instant.atOffset(ZoneOffset.UTC).getYear() <= 1 ? null : instant;
            } catch (DateTimeException e) {
                return (Instant) ctxt.handleWeirdStringValue(Instant.class, text, "not a date-time");
            }
        }
    }
}
