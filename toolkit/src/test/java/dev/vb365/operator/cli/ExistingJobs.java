package dev.vb365.operator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vb365.operator.embedded.DemoDirectory;
import dev.vb365.operator.embedded.Vb365Admin;
import dev.vb365.simulator.SimulatorOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Jobs an administrator made in VB365 before the operator existed, created through the REST API: every item
 * type, the three schedule types, a window, a disabled job, and a team whose name is not unique.
 */
public final class ExistingJobs {

  public static final String ORGANIZATION = "contoso.onmicrosoft.com";
  public static final String REPOSITORY = "Default Backup Repository";

  private ExistingJobs() {}

  /** The demo's directory plus a second team called "Sales": that name cannot be exported as a name. */
  public static SimulatorOptions simulatorOptions(Path dir) {
    try {
      Path file = DemoDirectory.write(dir.resolve("directory.json"));
      ObjectNode fixture = (ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile());
      for (JsonNode organization : fixture.withArray("organizations")) {
        if (ORGANIZATION.equals(organization.path("name").asText())) {
          ((ArrayNode) organization.get("teams")).addObject().put("id", "0f6c1a6e-5e7b-4f4e-9d55-6b0f0c0d5a1e")
              .put("displayName", "Sales").put("description", "The other Sales team")
              .put("mail", "sales-emea@contoso.onmicrosoft.com");
        }
      }
      Files.writeString(file, fixture.toString());
      return SimulatorOptions.defaults().withFixture(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Creates the jobs; returns their ids. */
  public static List<String> create(Vb365Admin admin) {
    String org = admin.organization(ORGANIZATION).path("id").asText();
    String repo = admin.repository(REPOSITORY).path("id").asText();

    ObjectNode legal = job(org, repo, "Legal", "Legal hold mailboxes and the HR site", "SelectedItems");
    ArrayNode selected = legal.putArray("selectedItems");
    selected.addObject().put("type", "User").put("mailbox", true).put("archiveMailbox", true).put("oneDrive", false)
        .put("personalSite", false).putObject("user").put("id", id(admin.user(org, "alice@contoso.onmicrosoft.com")));
    ObjectNode group = selected.addObject().put("type", "Group").put("mailbox", true).put("groupSite", true)
        .put("members", true).put("memberMailbox", true).put("memberArchiveMailbox", false)
        .put("memberOneDrive", false).put("memberSite", false);
    group.putObject("group").put("id", id(admin.group(org, "finance@contoso.onmicrosoft.com")));
    JsonNode site = admin.site(org, "https://contoso.sharepoint.com/sites/hr");
    selected.addObject().put("type", "Site").set("site", site);
    JsonNode sales = admin.teams(org, "Sales").get(0);
    selected.addObject().put("type", "Team").put("teamsChats", true).putObject("team").put("id", id(sales));
    legal.putArray("excludedItems").addObject().put("type", "User").put("mailbox", true)
        .put("archiveMailbox", false).put("oneDrive", false).put("personalSite", false)
        .putObject("user").put("id", id(admin.user(org, "intern@contoso.onmicrosoft.com")));
    ObjectNode daily = legal.putObject("schedulePolicy").put("type", "Daily").put("scheduleEnabled", true)
        .put("dailyType", "Workdays").put("dailyTime", "21:00:00").put("backupWindowEnabled", true)
        .put("retryEnabled", true).put("retryNumber", 5).put("retryWaitInterval", 15);
    ArrayNode window = daily.putObject("backupWindowSettings").put("minuteOffset", 0).putArray("backupWindow");
    for (int hour = 0; hour < 168; hour++) {
      int day = hour / 24;
      int h = hour % 24;
      window.add(day >= 1 && day <= 5 ? h >= 20 || h < 6 : true); // Mon-Fri nights, weekends all day
    }

    ObjectNode everything = job(org, repo, "Everything", null, "EntireOrganization").put("isEnabled", false);
    ArrayNode excluded = everything.putArray("excludedItems");
    excluded.addObject().put("type", "PersonalSites");
    excluded.addObject().put("type", "OneDriveFolders").putArray("folders").add("Scratch").add("Temp");
    everything.putObject("schedulePolicy").put("type", "Periodically").put("scheduleEnabled", true)
        .put("periodicallyEvery", "Hours4").put("periodicallyOffsetMinutes", 15)
        .put("periodicallyWindowEnabled", false).put("backupWindowEnabled", false)
        .put("retryEnabled", true).put("retryNumber", 3).put("retryWaitInterval", 10);

    ObjectNode manual = job(org, repo, "Ad hoc: IT & Finance", "Run by hand", "SelectedItems");
    manual.putArray("selectedItems").addObject().put("type", "Team").put("teamsChats", false).putObject("team")
        .put("id", id(admin.teams(org, "IT&Finance").get(0)));
    manual.putObject("schedulePolicy").put("type", "ManualOnly");

    return List.of(legal, everything, manual).stream().map(body -> id(admin.createJob(body))).toList();
  }

  private static ObjectNode job(String org, String repo, String name, String description, String backupType) {
    ObjectNode body = Vb365Admin.object().put("name", name).put("organizationId", org).put("repositoryId", repo)
        .put("backupType", backupType);
    if (description != null) {
      body.put("description", description);
    }
    return body;
  }

  private static String id(JsonNode node) {
    return node.path("id").asText();
  }

  /** Runs `export` with a password file and the simulator's CA; returns {stdout, stderr}. */
  public static String[] export(dev.vb365.simulator.Simulator simulator, Path dir, String... extra) {
    try {
      Path password = Files.writeString(dir.resolve("password"), simulator.password() + "\n");
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
      List<String> args = new java.util.ArrayList<>(List.of("export", "--url", simulator.baseUri().toString(),
          "--username", simulator.username(), "--password-file", password.toString(),
          "--ca-file", simulator.caCertificateFile().toString()));
      args.addAll(List.of(extra));
      int exit = Main.execute(args.toArray(String[]::new), new java.io.PrintStream(out, true),
          new java.io.PrintStream(err, true), java.util.Map.of());
      String[] result = {out.toString(java.nio.charset.StandardCharsets.UTF_8),
          err.toString(java.nio.charset.StandardCharsets.UTF_8)};
      if (exit != 0) {
        throw new AssertionError("export exited " + exit + ": " + result[1]);
      }
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
