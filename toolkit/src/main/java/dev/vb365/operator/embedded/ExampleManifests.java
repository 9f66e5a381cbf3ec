package dev.vb365.operator.embedded;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The YAML of examples/ (the top directory only: examples/argocd is for Argo CD): from a directory when there
 * is one, else the copies the build bundles into the jar under examples/.
 */
public final class ExampleManifests {

  /** One object of one file, in file order. */
  public record Manifest(String file, HasMetadata object) {
  }

  /** The annotation kubectl apply keeps its last applied configuration in (its three-way merge reads it). */
  static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

  private final String source;
  private final Path directory;
  private final Map<String, String> files;

  private ExampleManifests(String source, Path directory, Map<String, String> files) {
    this.source = source;
    this.directory = directory;
    this.files = files;
  }

  /** From {@code directory} if it exists, else from the class path. */
  public static ExampleManifests load(Path directory) {
    if (directory != null && Files.isDirectory(directory)) {
      String shown = directory.isAbsolute() || directory.startsWith("..") ? directory.toString() : "./" + directory;
      return new ExampleManifests("from " + shown, directory, read(directory));
    }
    return fromClassPath();
  }

  public static ExampleManifests fromClassPath() {
    URL marker = ExampleManifests.class.getResource("/examples/");
    if (marker == null) {
      throw new IllegalStateException("no examples/ on the class path: the build copies them into the jar");
    }
    try {
      URI uri = marker.toURI();
      if ("jar".equals(uri.getScheme())) {
        FileSystem jar;
        boolean opened = false;
        try {
          jar = FileSystems.getFileSystem(uri);
        } catch (FileSystemNotFoundException e) {
          jar = FileSystems.newFileSystem(uri, Map.of());
          opened = true;
        }
        try {
          return new ExampleManifests("the examples bundled in the jar", null, read(jar.getPath("/examples")));
        } finally {
          if (opened) {
            jar.close();
          }
        }
      }
      return new ExampleManifests("the examples bundled in the jar", null, read(Path.of(uri)));
    } catch (URISyntaxException | IOException e) {
      throw new IllegalStateException("cannot read the bundled examples: " + e.getMessage(), e);
    }
  }

  private static Map<String, String> read(Path directory) {
    Map<String, String> files = new java.util.TreeMap<>();
    try (Stream<Path> list = Files.list(directory)) {
      for (Path file : list.filter(f -> f.getFileName().toString().matches(".*\\.ya?ml")).toList()) {
        files.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + directory, e);
    }
    return files;
  }

  /**
   * The directory they were read from, or, for the copies bundled in the jar, {@code fallback} with the files
   * written into it (so that a user has files to edit and apply again).
   */
  public Path directoryOr(Path fallback) {
    if (directory != null) {
      return directory;
    }
    try {
      Files.createDirectories(fallback);
      for (Map.Entry<String, String> file : files.entrySet()) {
        Files.writeString(fallback.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the examples to " + fallback, e);
    }
    return fallback;
  }

  /** Where they came from: a directory, or the jar. */
  public String source() {
    return source;
  }

  /** Every object of every file, files in name order (00-namespace.yaml first). */
  public List<Manifest> manifests(KubernetesClient client) {
    List<Manifest> out = new ArrayList<>();
    files.forEach((file, yaml) -> {
      for (HasMetadata object : client.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).items()) {
        if (object != null) {
          out.add(new Manifest(file, object));
        }
      }
    });
    return out;
  }

  /**
   * Creates the object, or replaces it when it exists, as `kubectl apply` does for a first apply: with the
   * last-applied-configuration annotation, so that a later `kubectl apply` of an edited file merges three ways (a
   * field removed from the file is removed) and does not warn that the annotation is missing.
   */
  public static HasMetadata apply(KubernetesClient client, HasMetadata object) {
    HasMetadata copy = client.getKubernetesSerialization().clone(object);
    String applied = client.getKubernetesSerialization().asJson(object);
    copy.getMetadata().setAnnotations(new java.util.LinkedHashMap<>(
        Optional.ofNullable(object.getMetadata().getAnnotations()).orElse(Map.of())));
    copy.getMetadata().getAnnotations().put(LAST_APPLIED, applied + "\n");
    return client.resource(copy).createOr(NonDeletingOperation::update);
  }
}
