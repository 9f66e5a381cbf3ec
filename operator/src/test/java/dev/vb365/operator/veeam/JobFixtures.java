package dev.vb365.operator.veeam;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Wire bodies shaped like the spec's examples, for the fake server to serve. */
public final class JobFixtures {

    public static final String ORG = "5db60525-e59f-49b9-b49b-407fc9bf2642";
    public static final String REPO = "2c9079b0-76b4-415f-bca8-de1450cedf79";

    private JobFixtures() {
    }

    public static String jobId(int n) {
        return String.format("00000000-0000-0000-0000-%012d", n);
    }

    /** A v8 RESTJob (with organizationId and eTag). */
    public static String v8Job(int n, long eTag) {
        return v8Job(n, eTag, "Job " + n, "Success");
    }

    public static String v8Job(int n, long eTag, String name, String lastStatus) {
        return """
                {"id":"%s","name":"%s","description":"made by the operator","organizationId":"%s",
                 "repositoryId":"%s","backupType":"SelectedItems","isEnabled":true,
                 "schedulePolicy":{"scheduleEnabled":true,"type":"Daily","dailyType":"Workdays","dailyTime":"22:30:00",
                   "backupWindowEnabled":true,"backupWindowSettings":{"backupWindow":%s,"minuteOffset":0},
                   "retryEnabled":true,"retryNumber":3,"retryWaitInterval":10},
                 "lastRun":"2024-04-30T22:30:01.1234567Z","nextRun":"2024-05-01T22:30:00Z","lastBackup":"2024-04-30T22:41:00Z",
                 "lastStatus":"%s","totalObjects":5,"processedObjects":5,"eTag":%d,
                 "_links":{"self":{"href":"https://vbo:4443/v8/Jobs/%s"}}}
                """.formatted(jobId(n), name, ORG, REPO, window(), lastStatus, eTag, jobId(n));
    }

    /** A v6/v7 RESTJob: no organizationId and no eTag; the organization is only in the links. */
    public static String legacyJob(int n, String version) {
        return """
                {"id":"%s","name":"Job %d","description":"","repositoryId":"%s","backupType":"EntireOrganization",
                 "isEnabled":false,"lastStatus":"Warning","lastRun":"2024-04-30T22:30:01Z",
                 "schedulePolicy":{"type":"Periodically","periodicallyEvery":"Hours4","retryEnabled":false},
                 "_links":{"organization":{"href":"https://vbo:4443/%s/Organizations/%s"}}}
                """.formatted(jobId(n), n, REPO, version, ORG);
    }

    /** 168 hours: weekdays 20:00-06:00 open. */
    public static String window() {
        return IntStream.range(0, 168).mapToObj(h -> Boolean.toString(h % 24 >= 20 || h % 24 < 6))
                .collect(Collectors.joining(",", "[", "]"));
    }

    public static List<Boolean> windowHours() {
        return IntStream.range(0, 168).mapToObj(h -> h % 24 >= 20 || h % 24 < 6).toList();
    }

    public static String page(int offset, int limit, String setId, List<String> results) {
        return "{\"offset\":" + offset + ",\"limit\":" + limit + (setId == null ? "" : ",\"setId\":\"" + setId + "\"")
                + ",\"results\":[" + String.join(",", results) + "],\"_links\":{}}";
    }

    public static String array(List<String> results) {
        return "[" + String.join(",", results) + "]";
    }
}
