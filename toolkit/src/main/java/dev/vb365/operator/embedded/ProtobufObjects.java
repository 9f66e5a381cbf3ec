package dev.vb365.operator.embedded;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The few built-in objects kubectl sends as protobuf ({@code application/vnd.kubernetes.protobuf}) to the commands
 * the demo suggests: {@code kubectl create namespace}, {@code create secret generic}, {@code create configmap}.
 * Decodes Kubernetes' envelope (the magic "k8s\0", then a runtime.Unknown holding the type and the raw object) and
 * the fields of Namespace, Secret and ConfigMap that those commands set, into the JSON the CRUD store keeps.
 * Anything else is not decoded (the caller refuses it with 415 and says why).
 */
final class ProtobufObjects {

  static final String CONTENT_TYPE = "application/vnd.kubernetes.protobuf";
  private static final byte[] MAGIC = {'k', '8', 's', 0};

  private ProtobufObjects() {
  }

  /** The object as JSON, or empty when it is not an envelope of a Namespace, Secret or ConfigMap. */
  static Optional<ObjectNode> toJson(byte[] body) {
    if (body.length < MAGIC.length || body[0] != 'k' || body[1] != '8' || body[2] != 's' || body[3] != 0) {
      return Optional.empty();
    }
    try {
      Reader unknown = new Reader(body, MAGIC.length, body.length);
      String apiVersion = null;
      String kind = null;
      byte[] raw = null;
      while (unknown.more()) {
        int field = unknown.tag();
        if (field == 1) {
          Reader typeMeta = unknown.message();
          while (typeMeta.more()) {
            int f = typeMeta.tag();
            if (f == 1) {
              apiVersion = typeMeta.string();
            } else if (f == 2) {
              kind = typeMeta.string();
            } else {
              typeMeta.skip();
            }
          }
        } else if (field == 2) {
          raw = unknown.bytes();
        } else {
          unknown.skip();
        }
      }
      if (!"v1".equals(apiVersion) || raw == null) {
        return Optional.empty();
      }
      ObjectNode json = JsonNodeFactory.instance.objectNode().put("apiVersion", "v1").put("kind", kind);
      Reader object = new Reader(raw, 0, raw.length);
      switch (String.valueOf(kind)) {
        case "Namespace" -> {
          while (object.more()) {
            if (object.tag() == 1) {
              json.set("metadata", metadata(object.message()));
            } else {
              object.skip();
            }
          }
        }
        case "Secret" -> {
          while (object.more()) {
            switch (object.tag()) {
              case 1 -> json.set("metadata", metadata(object.message()));
              case 2 -> mapEntry(object.message(), json.withObjectProperty("data"), true);
              case 3 -> putUnlessEmpty(json, "type", object.string());
              case 4 -> mapEntry(object.message(), json.withObjectProperty("stringData"), false);
              case 5 -> json.put("immutable", object.varint() != 0);
              default -> object.skip();
            }
          }
        }
        case "ConfigMap" -> {
          while (object.more()) {
            switch (object.tag()) {
              case 1 -> json.set("metadata", metadata(object.message()));
              case 2 -> mapEntry(object.message(), json.withObjectProperty("data"), false);
              case 3 -> mapEntry(object.message(), json.withObjectProperty("binaryData"), true);
              case 4 -> json.put("immutable", object.varint() != 0);
              default -> object.skip();
            }
          }
        }
        default -> {
          return Optional.empty();
        }
      }
      return Optional.of(json);
    } catch (RuntimeException e) {
      LoggerHolder.LOG.debug("protobuf body not read: {}", e.toString());
      return Optional.empty(); // not what we can read: the caller answers 415
    }
  }

  /** ObjectMeta: name 1, generateName 2, namespace 3, labels 11, annotations 12, finalizers 14. */
  private static ObjectNode metadata(Reader meta) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    while (meta.more()) {
      switch (meta.tag()) {
        case 1 -> putUnlessEmpty(out, "name", meta.string());
        case 2 -> putUnlessEmpty(out, "generateName", meta.string());
        case 3 -> putUnlessEmpty(out, "namespace", meta.string());
        case 11 -> mapEntry(meta.message(), out.withObjectProperty("labels"), false);
        case 12 -> mapEntry(meta.message(), out.withObjectProperty("annotations"), false);
        case 14 -> out.withArrayProperty("finalizers").add(meta.string());
        default -> meta.skip();
      }
    }
    return out;
  }

  /** Protobuf writes empty strings; JSON leaves them out. */
  private static void putUnlessEmpty(ObjectNode out, String name, String value) {
    if (!value.isEmpty()) {
      out.put(name, value);
    }
  }

  /** One map entry (key 1, value 2); byte values become base64, as in JSON. */
  private static void mapEntry(Reader entry, ObjectNode into, boolean binary) {
    String key = null;
    byte[] value = new byte[0];
    while (entry.more()) {
      int f = entry.tag();
      if (f == 1) {
        key = entry.string();
      } else if (f == 2) {
        value = entry.bytes();
      } else {
        entry.skip();
      }
    }
    if (key != null) {
      into.put(key, binary ? Base64.getEncoder().encodeToString(value) : new String(value, StandardCharsets.UTF_8));
    }
  }

  private static final class LoggerHolder {
    static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ProtobufObjects.class);
  }

  /** A protobuf reader over a slice: varints and length-delimited fields, which is all these messages use. */
  private static final class Reader {
    private final byte[] data;
    private int pos;
    private final int end;
    private int wireType;

    Reader(byte[] data, int from, int to) {
      this.data = data;
      this.pos = from;
      this.end = to;
    }

    boolean more() {
      return pos < end;
    }

    int tag() {
      long key = varint();
      wireType = (int) (key & 7);
      return (int) (key >>> 3);
    }

    long varint() {
      long result = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        byte b = data[pos++];
        result |= (long) (b & 0x7f) << shift;
        if ((b & 0x80) == 0) {
          return result;
        }
      }
      throw new IllegalArgumentException("bad varint");
    }

    byte[] bytes() {
      int length = (int) varint();
      if (length < 0 || pos + length > end) {
        throw new IllegalArgumentException("truncated field");
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(length);
      out.write(data, pos, length);
      pos += length;
      return out.toByteArray();
    }

    String string() {
      return new String(bytes(), StandardCharsets.UTF_8);
    }

    Reader message() {
      int length = (int) varint();
      Reader inner = new Reader(data, pos, pos + length);
      pos += length;
      return inner;
    }

    void skip() {
      switch (wireType) {
        case 0 -> varint();
        case 1 -> pos += 8;
        case 2 -> {
          int length = (int) varint(); // read first: "pos += varint()" would add to pos as it was before the varint
          pos += length;
        }
        case 5 -> pos += 4;
        default -> throw new IllegalArgumentException("wire type " + wireType);
      }
    }
  }
}
