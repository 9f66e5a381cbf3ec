package dev.vb365.simulator;

import static dev.vb365.simulator.testsupport.DefaultFixture.CONTOSO;
import static dev.vb365.simulator.testsupport.DefaultFixture.DEFAULT_REPOSITORY;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Request bodies the tests send, valid per the v8 spec unless a test changes them. */
final class JobBodies {
  private JobBodies() {
  }

  static Map<String, Object> newJob(String name) {
    Map<String, Object> body = new HashMap<>();
    body.put("name", name);
    body.put("organizationId", CONTOSO);
    body.put("repositoryId", DEFAULT_REPOSITORY);
    body.put("backupType", "SelectedItems");
    body.put("schedulePolicy", Map.of("type", "Daily", "dailyType", "Everyday", "dailyTime", "22:00:00"));
    return body;
  }

  static Map<String, Object> userItem(String userId) {
    return Map.of("type", "User", "user", Map.of("id", userId), "mailbox", true, "oneDrive", true);
  }

  static List<Map<String, Object>> users(String... ids) {
    return java.util.Arrays.stream(ids).map(JobBodies::userItem).toList();
  }
}
