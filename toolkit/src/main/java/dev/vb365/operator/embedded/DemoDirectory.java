package dev.vb365.operator.embedded;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vb365.simulator.Simulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Microsoft 365 directory the demo's simulator serves: the simulator's built-in fixture plus the objects
 * that examples/ names and the fixture lacks (the CEO whose mailbox a JobItem excludes, the HR team), so that
 * every example can become Ready.
 */
public final class DemoDirectory {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONTOSO = "contoso.onmicrosoft.com";

  private DemoDirectory() {}

  /** Writes the fixture file for SimulatorOptions.withFixture. */
  public static Path write(Path file) {
    try (InputStream in = Simulator.class.getResourceAsStream("/default-fixture.json")) {
      if (in == null) {
        throw new IllegalStateException("the simulator's default-fixture.json is not on the class path");
      }
      ObjectNode fixture = (ObjectNode) JSON.readTree(in);
      for (var organization : fixture.withArray("organizations")) {
        if (CONTOSO.equals(organization.path("name").asText())) {
          ObjectNode contoso = (ObjectNode) organization;
          addOnce(contoso.withArray("users"), "name", "ceo@contoso.onmicrosoft.com", JSON.createObjectNode()
              .put("id", "6f0c3a52-8d3e-4c55-9b1e-2f1f0c6d1e01").put("name", "ceo@contoso.onmicrosoft.com")
              .put("displayName", "Chief Executive").put("office", "Board"));
          addOnce(contoso.withArray("teams"), "displayName", "Human Resources", JSON.createObjectNode()
              .put("id", "6f0c3a52-8d3e-4c55-9b1e-2f1f0c6d1e02").put("displayName", "Human Resources")
              .put("description", "HR team").put("mail", "HumanResources@contoso.onmicrosoft.com"));
        }
      }
      Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(fixture));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the demo's fixture " + file, e);
    }
  }

  private static void addOnce(ArrayNode list, String key, String value, ObjectNode object) {
    for (var existing : list) {
      if (value.equalsIgnoreCase(existing.path(key).asText())) {
        return; // the simulator's fixture has it by now
      }
    }
    list.add(object);
  }
}
