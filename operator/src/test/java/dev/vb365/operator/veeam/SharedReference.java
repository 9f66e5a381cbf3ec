package dev.vb365.operator.veeam;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The reference material in {@code ../shared/reference} (never copied into the repository). Found
 * through the system property {@code vb365.shared.dir} or by walking up to a {@code shared/} dir.
 * Missing: the test fails when {@code CI=true}, and is skipped with a message otherwise.
 */
public final class SharedReference {

    private SharedReference() {
    }

    public static Path dir() {
        Path found = locate();
        String message = "../shared/reference not found (set -Dvb365.shared.dir); reference tests need it";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            if (found == null) {
                throw new AssertionError(message);
            }
        } else {
            assumeTrue(found != null, message);
        }
        return found;
    }

    public static String read(String relative) {
        try {
            return Files.readString(dir().resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path locate() {
        String property = System.getProperty("vb365.shared.dir");
        if (property != null && Files.isDirectory(Path.of(property, "reference"))) {
            return Path.of(property, "reference").normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("shared/reference"))) {
                return dir.resolve("shared/reference");
            }
        }
        return null;
    }
}
