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
import java.util.Arrays;
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
      try {
        return p.getCodec().treeToValue(raw, type);
      } catch (JsonMappingException e) {
        T spec = empty();
        spec.unreadable(new UnreadableSpec(path(e), problem(e), raw));
        return spec;
      }
    }
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
