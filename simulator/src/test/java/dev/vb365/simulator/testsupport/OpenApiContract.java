package dev.vb365.simulator.testsupport;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Validates requests and responses against the official VB365 OpenAPI spec of one API version (read from
 * ../shared/reference/veeam-openapi, see {@link ReferenceFiles}). Strict: responses may carry no property
 * the schema does not declare, and enums, formats, required properties and types are checked.
 *
 * <p>The spec files are used as published, never edited or copied. One quirk is adjusted in the parsed
 * model, in memory: v8's {@code RESTEvent} carries a {@code discriminator} whose mapped event schemas do
 * not extend it (no {@code allOf}); the validator ignores such a discriminator and would only check events
 * against RESTEvent's union of properties. RESTEvent is rewritten as {@code oneOf} the mapped schemas,
 * each with eventType pinned to its mapping key, so every event is checked against its own schema (a
 * tightening, not a relaxation). The token endpoint's {@code &#42;/&#42;} 200 content type needs nothing:
 * the validator matches it and validates the JSON body against OAuthTokenResponse (see the tests).
 *
 * Instances are cached per version (parsing a spec takes a few seconds).
 */
public final class OpenApiContract {
  private static final Map<String, OpenApiContract> CACHE = new ConcurrentHashMap<>();

  private final String apiVersion;
  private final OpenApiInteractionValidator validator;

  private OpenApiContract(String apiVersion, OpenAPI api) {
    this.apiVersion = apiVersion;
    this.validator = OpenApiInteractionValidator.createFor(api).build();
  }

  /** The contract of "v8", "v7" or "v6"; skips (or fails with CI=true) when the spec files are missing. */
  public static OpenApiContract forVersion(String apiVersion) {
    Path spec = ReferenceFiles.openApiSpec(apiVersion);
    return CACHE.computeIfAbsent(apiVersion.toLowerCase(), v -> new OpenApiContract(v, load(spec)));
  }

  private static OpenAPI load(Path spec) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIV3Parser().readLocation(spec.toUri().toString(), null, options);
    if (result.getOpenAPI() == null) {
      throw new IllegalStateException("cannot parse " + spec + ": " + result.getMessages());
    }
    OpenAPI api = result.getOpenAPI();
    applyDiscriminatorsWithoutAllOf(api);
    return api;
  }

  /**
   * A discriminator whose mapped schemas do not extend the base with allOf is silently ignored by the
   * validator (it would check events only against RESTEvent's union of properties). Rewrite such a base as
   * oneOf over the mapped schemas, each with the discriminator property pinned to its mapping key: each
   * event is then checked against its own schema (its required properties, no foreign properties).
   */
  @SuppressWarnings({"rawtypes", "unchecked"})
  private static void applyDiscriminatorsWithoutAllOf(OpenAPI api) {
    Map<String, Schema> schemas = api.getComponents().getSchemas();
    for (Map.Entry<String, Schema> entry : new ArrayList<>(schemas.entrySet())) {
      Schema base = entry.getValue();
      if (base.getDiscriminator() == null || base.getDiscriminator().getMapping() == null) {
        continue;
      }
      String property = base.getDiscriminator().getPropertyName();
      List<Schema> variants = new ArrayList<>();
      boolean extendsBase = false;
      for (Map.Entry<String, String> m : base.getDiscriminator().getMapping().entrySet()) {
        Schema sub = schemas.get(m.getValue().substring(m.getValue().lastIndexOf('/') + 1));
        if (sub == null || sub.getAllOf() != null || sub.getProperties() == null) {
          extendsBase = true;
          break;
        }
        Schema variant = new ObjectSchema();
        Map<String, Schema> properties = new LinkedHashMap<>(sub.getProperties());
        properties.put(property, new StringSchema()._enum(List.of(m.getKey())));
        variant.setProperties(properties);
        variant.setRequired(sub.getRequired());
        variants.add(variant);
      }
      if (!extendsBase) {
        ComposedSchema oneOf = new ComposedSchema();
        oneOf.setOneOf(variants);
        schemas.put(entry.getKey(), oneOf);
      }
    }
  }

  public String apiVersion() {
    return apiVersion;
  }

  /** Problems of a request (path with query string, headers, body or null); empty when it conforms. */
  public List<String> requestProblems(String method, String pathAndQuery, Map<String, String> headers, String body) {
    return messages(validator.validateRequest(request(method, pathAndQuery, headers, body)));
  }

  /** Problems of a response to a request; empty when it conforms. */
  public List<String> responseProblems(String method, String pathAndQuery, int status, Map<String, String> headers,
      String body) {
    SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
    headers.forEach(response::withHeader);
    if (body != null && !body.isEmpty()) {
      response.withBody(body);
    }
    String path = URI.create(pathAndQuery).getRawPath();
    return messages(validator.validateResponse(path, Request.Method.valueOf(method.toUpperCase()), response.build()));
  }

  private static SimpleRequest request(String method, String pathAndQuery, Map<String, String> headers, String body) {
    URI uri = URI.create(pathAndQuery);
    SimpleRequest.Builder request = new SimpleRequest.Builder(method.toUpperCase(), uri.getRawPath());
    headers.forEach(request::withHeader);
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        int eq = pair.indexOf('=');
        String name = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8);
        String value = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
        request.withQueryParam(name, value);
      }
    }
    if (body != null && !body.isEmpty()) {
      request.withBody(body);
    }
    return request.build();
  }

  private static List<String> messages(ValidationReport report) {
    List<String> out = new ArrayList<>();
    for (ValidationReport.Message m : report.getMessages()) {
      if (m.getLevel() == ValidationReport.Level.ERROR) {
        out.add(m.getKey() + ": " + m.getMessage()
            + (m.getNestedMessages().isEmpty() ? "" : " " + m.getNestedMessages().stream()
                .map(ValidationReport.Message::getMessage).collect(Collectors.joining("; "))));
      }
    }
    return out;
  }

  /** Throws an AssertionError listing the problems, if any. */
  public void assertConforms(String what, List<String> problems) {
    if (!problems.isEmpty()) {
      throw new AssertionError(what + " does not conform to the " + apiVersion + " spec:\n  - "
          + String.join("\n  - ", problems));
    }
  }
}
