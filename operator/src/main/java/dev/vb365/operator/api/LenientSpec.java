package dev.vb365.operator.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reading a spec never fails. A BackupJob or JobItem whose spec does not fit the Java model would
 * otherwise break the informer's list or watch (fabric8 stops the watch, JOSDK stops the operator):
 * one bad resource must not stop the reconciliation of all the others. Such a spec is read as an
 * empty one carrying an {@link UnreadableSpec}, which validation reports, and written back as it
 * came.
 */
public final class LenientSpec {

  private LenientSpec() {
  }

  /** A spec that may carry an {@link UnreadableSpec}. */
  public interface Holder {
    /** The problem that kept the spec from being read, or null. */
    UnreadableSpec unreadable();

    void unreadable(UnreadableSpec problem);
  }

  abstract static class Reader<T extends Holder> extends StdDeserializer<T> {
    private final Class<T> type;

    Reader(Class<T> type) {
      super(type);
      this.type = type;
    }

    abstract T empty();

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonNode raw = p.readValueAsTree();
      ProblemCollector collector = new ProblemCollector();
      try {
        T spec = readerOf(p).forType(type).withHandler(collector).readValue(raw);
        if (collector.problems.isEmpty()) {
          return spec;
        }
      } catch (JsonMappingException e) {
        collector.problems.add(new UnreadableSpec.Problem(path(e), problem(e)));
      }
      T spec = empty();
      spec.unreadable(new UnreadableSpec(collector.problems, raw));
      return spec;
    }

    private static com.fasterxml.jackson.databind.ObjectReader readerOf(JsonParser p) {
      Object codec = p.getCodec();
      if (codec instanceof com.fasterxml.jackson.databind.ObjectReader reader) {
        return reader;
      }
      if (codec instanceof com.fasterxml.jackson.databind.ObjectMapper mapper) {
        return mapper.reader();
      }
      return new com.fasterxml.jackson.databind.ObjectMapper().reader();
    }
  }

  /**
   * Notes every field that does not fit and reads on, so that one condition names all of a spec's problems (instead
   * of one per apply): unknown fields with the ones allowed there, and values of the wrong kind.
   */
  private static final class ProblemCollector extends com.fasterxml.jackson.databind.deser.DeserializationProblemHandler {
    final List<UnreadableSpec.Problem> problems = new ArrayList<>();

    @Override
    public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p,
        com.fasterxml.jackson.databind.JsonDeserializer<?> deserializer, Object bean, String name) throws IOException {
      java.util.Collection<Object> known = deserializer.getKnownPropertyNames();
      String allowed = known == null || known.isEmpty() ? "" : "; allowed here: " + known.stream().map(String::valueOf)
          .filter(n -> !n.equals("unreadable")).sorted().collect(Collectors.joining(", "));
      problems.add(new UnreadableSpec.Problem(path(p.getParsingContext(), name), "unknown field" + allowed));
      p.skipChildren();
      return true;
    }

    @Override
    public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> target, String value, String message) {
      problems.add(new UnreadableSpec.Problem(path(ctxt.getParser().getParsingContext(), null), "\""
          + abbreviate(value) + "\" is not " + kind(target)));
      return null;
    }

    @Override
    public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> target, Number value, String message) {
      problems.add(new UnreadableSpec.Problem(path(ctxt.getParser().getParsingContext(), null), value + " is not "
          + kind(target)));
      return null;
    }

    @Override
    public Object handleUnexpectedToken(DeserializationContext ctxt, com.fasterxml.jackson.databind.JavaType target,
        com.fasterxml.jackson.core.JsonToken token, JsonParser p, String message) throws IOException {
      problems.add(new UnreadableSpec.Problem(path(p.getParsingContext(), null), "expected "
          + kind(target == null ? null : target.getRawClass())));
      p.skipChildren();
      return null;
    }
  }

  /** "spec.selectedItems[0].team.displayName" from the parser's position (and a field name, when given). */
  static String path(com.fasterxml.jackson.core.JsonStreamContext context, String field) {
    java.util.Deque<String> parts = new java.util.ArrayDeque<>();
    for (com.fasterxml.jackson.core.JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray()) {
        parts.addFirst("[" + Math.max(c.getCurrentIndex(), 0) + "]");
      } else if (c.getCurrentName() != null && (c != context || field == null)) {
        parts.addFirst("." + c.getCurrentName());
      }
    }
    return "spec" + String.join("", parts) + (field == null ? "" : "." + field);
  }

  /** Reads a {@link BackupJobSpec}. */
  public static final class BackupJobSpecReader extends Reader<BackupJobSpec> {
    public BackupJobSpecReader() {
      super(BackupJobSpec.class);
    }

    @Override
    BackupJobSpec empty() {
      return new BackupJobSpec();
    }
  }

  /** Reads a {@link JobItemSpec}. */
  public static final class JobItemSpecReader extends Reader<JobItemSpec> {
    public JobItemSpecReader() {
      super(JobItemSpec.class);
    }

    @Override
    JobItemSpec empty() {
      return new JobItemSpec();
    }
  }

  /** Reads a {@link BackupCopyJobSpec}. */
  public static final class BackupCopyJobSpecReader extends Reader<BackupCopyJobSpec> {
    public BackupCopyJobSpecReader() {
      super(BackupCopyJobSpec.class);
    }

    @Override
    BackupCopyJobSpec empty() {
      return new BackupCopyJobSpec();
    }
  }

  /** Writes a spec; an unreadable one as it was stored. */
  public static final class Writer extends StdSerializer<Holder> {
    public Writer() {
      super(Holder.class);
    }

    @Override
    public void serialize(Holder value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      if (value.unreadable() != null) {
        gen.writeTree(value.unreadable().raw());
      } else {
        provider.findValueSerializer(value.getClass()).serialize(value, gen, provider);
      }
    }

    /** The schema is the declared spec class's (the CRD generator asks the serializer). */
    @Override
    public void acceptJsonFormatVisitor(com.fasterxml.jackson.databind.jsonFormatVisitors.JsonFormatVisitorWrapper visitor,
        com.fasterxml.jackson.databind.JavaType typeHint) throws JsonMappingException {
      visitor.getProvider().findValueSerializer(typeHint).acceptJsonFormatVisitor(visitor, typeHint);
    }
  }

  /** "spec.selectedItems[0].type" from Jackson's reference chain. */
  static String path(JsonMappingException e) {
    StringBuilder sb = new StringBuilder("spec");
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      } else if (ref.getFieldName() != null) {
        sb.append('.').append(ref.getFieldName());
      }
    }
    return sb.toString();
  }

  static String problem(JsonMappingException e) {
    if (e instanceof InvalidFormatException f) {
      String value = abbreviate(String.valueOf(f.getValue()));
      Class<?> target = f.getTargetType();
      if (target != null && target.isEnum()) {
        return "\"" + value + "\" is not one of " + Arrays.stream(target.getEnumConstants()).map(Object::toString)
            .collect(Collectors.joining(", "));
      }
      return "\"" + value + "\" is not " + kind(target);
    }
    if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
      return "expected " + kind(m.getTargetType());
    }
    return abbreviate(e.getOriginalMessage());
  }

  private static String kind(Class<?> type) {
    if (type == null) {
      return "a valid value";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "a boolean (true or false)";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "a number";
    }
    if (type == String.class) {
      return "a string";
    }
    if (java.util.Collection.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (type.isEnum()) {
      return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
    }
    return "an object";
  }

  private static String abbreviate(String text) {
    String oneLine = text == null ? "" : text.replaceAll("\\s+", " ").trim();
    return oneLine.length() <= 100 ? oneLine : oneLine.substring(0, 100) + "...";
  }
}
