package dev.vb365.operator.veeam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vb365.operator.veeam.model.BackupType;
import dev.vb365.operator.veeam.model.DailyType;
import dev.vb365.operator.veeam.model.ItemType;
import dev.vb365.operator.veeam.model.Job;
import dev.vb365.operator.veeam.model.JobItem;
import dev.vb365.operator.veeam.model.JobStatus;
import dev.vb365.operator.veeam.model.ScheduleType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every example body in ../shared/reference/veeam-docs goes through the client's parsing (its JSON
 * configuration, wire format and mapping). Extraction only undoes the page formatting: the HTML
 * non-breaking spaces of the archived pages, Redoc's "- " list markers on the v8 page and the "..."
 * elision of the v1 page. The malformed sixth v5 example must fail clearly.
 */
class DocExamplesTest {

    static final String V5_ITEMS = "veeam-docs/000_3c2e58e009fd21ae.txt";
    static final String V8_JOBS = "veeam-docs/001_3f8b2f9b20e43dd9.txt";
    static final String V3_CREATE = "veeam-docs/002_2f5c6cfc4ea682b2.txt";
    static final String V1_JOB = "veeam-docs/003_4602d4d626936760.txt";
    static final String V3_JOB = "veeam-docs/004_cbfb72c9412f727c.txt";
    static final Endpoint V5_ITEM = new Endpoint("GET", "/v5/Jobs/{jobId}/SelectedItems/{itemId}");

    /** A page's text with its HTML non-breaking spaces turned back into spaces. */
    static String page(String relative) {
        return SharedReference.read(relative).replace('\u00A0', ' ');
    }

    @Test
    void v5JobItemExamplesParseAndTheirSiteBooleanMeansWhatV6CallsItNow() throws IOException {
        List<String> bodies = v5Bodies();
        assertThat(bodies).hasSize(6);

        List<JobItem> items = new ArrayList<>();
        for (String body : bodies.subList(0, 5)) {
            items.add(WireMapper.item(read(body, VeeamJson.type(Wire.JobItem.class), V5_ITEM)));
        }

        assertThat(items).extracting(JobItem::type).containsExactly(ItemType.PARTIAL_ORGANIZATION, ItemType.SITE,
                ItemType.GROUP, ItemType.USER, ItemType.TEAM);
        JobItem organization = items.get(0);
        assertThat(List.of(organization.mailbox(), organization.oneDrive(), organization.archiveMailbox(),
                organization.sites())).containsOnly(true);
        assertThat(items.get(1).site().url()).isEqualTo("https://organization.sharepoint.com/sites/group2");
        JobItem group = items.get(2);
        assertThat(group.group().name()).isEqualTo("userAlpha@organization.onmicrosoft.com");
        assertThat(List.of(group.members(), group.memberMailbox(), group.memberArchiveMailbox(), group.memberOneDrive(),
                group.memberSite(), group.mailbox(), group.groupSite()))
                .containsExactly(true, true, false, true, true, true, false);
        assertThat(items.get(3).personalSite()).isTrue();
        assertThat(items.get(3).user().displayName()).isEqualTo("USER");
        assertThat(items.get(4).team().mail()).isEqualTo("IT&Finance@organization.onmicrosoft.com");
    }

    @Test
    void theMalformedSixthV5ExampleIsAClearErrorNamingTheEndpoint() {
        String sixth = v5Bodies().get(5);

        assertThatThrownBy(() -> read(sixth, VeeamJson.type(Wire.JobItem.class), V5_ITEM))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageStartingWith("GET /v5/Jobs/{jobId}/SelectedItems/{itemId}: HTTP 200: malformed JSON")
                .hasMessageContaining("at line 9, column 11: Unrecognized character escape 'D'");
    }

    @Test
    void everyV8BackupJobsExampleParses() throws IOException {
        String page = page(V8_JOBS);
        List<RedocBlock> blocks = redocBlocks(page);
        int requests = 0;
        int responses = 0;
        int errors = 0;

        for (RedocBlock block : blocks) {
            Endpoint endpoint = new Endpoint(block.kind.name(), block.section);
            if (block.kind == Kind.ERROR) {
                Wire.Error error = read(block.json, VeeamJson.type(Wire.Error.class), endpoint);
                assertThat(error.errorCode()).isEqualTo("ProxyOffline");
                assertThat(error.message()).isEqualTo("string");
                errors++;
                continue;
            }
            Object parsed = parse(block, endpoint);
            assertThat(parsed).as("%s %s", block.kind, block.section).isNotNull();
            if (block.kind == Kind.REQUEST) {
                requests++;
            } else {
                responses++;
            }
        }

        assertThat(blocks).hasSize(30);
        assertThat(requests).isEqualTo(9);
        assertThat(responses).isEqualTo(10);
        assertThat(errors).isEqualTo(11);
    }

    @Test
    void theV3PascalCaseCreateExamplesParse() throws IOException {
        String page = page(V3_CREATE);
        List<String> requests = bodiesAfter(page, "Request Body:");
        List<String> responses = bodiesAfter(page, "Response Body:");
        Endpoint create = new Endpoint("POST", "/v3/Organizations/{organizationId}/Jobs");
        assertThat(requests).hasSize(2);
        assertThat(responses).hasSize(2);

        Job entire = WireMapper.job(read(requests.get(0), VeeamJson.type(Wire.Job.class), create), null);
        Wire.Job selectedWire = read(requests.get(1), VeeamJson.type(Wire.Job.class), create);
        Job selected = WireMapper.job(selectedWire, null);
        List<JobItem> items = selectedWire.selectedItems().stream().map(WireMapper::item).toList();

        assertThat(entire.repositoryId()).isEqualTo("2c9079b0-76b4-415f-bca8-de1450cedf79"); // "RepositoryId"
        assertThat(entire.schedulePolicy().dailyTime()).isEqualTo(LocalTime.of(1, 0));
        assertThat(selected.backupType()).isEqualTo(BackupType.SELECTED_ITEMS);
        assertThat(items).extracting(JobItem::type).containsExactly(ItemType.PARTIAL_ORGANIZATION, ItemType.USER,
                ItemType.GROUP, ItemType.SITE);
        assertThat(items.get(0).sites()).isTrue();                  // "Site": true on the organization
        assertThat(items.get(1).user().name()).isEqualTo("USER1@organization.onmicrosoft.com");
        assertThat(items.get(1).personalSite()).isTrue();           // "Site": true on a user
        JobItem group = items.get(2);
        assertThat(List.of(group.members(), group.memberMailbox(), group.memberArchiveMailbox(),
                group.memberOneDrive(), group.memberSite(), group.mailbox(), group.groupSite()))
                .containsExactly(true, true, false, true, false, true, false); // MemberMail, MemberArchive, Mail
        assertThat(items.get(3).site().title()).isEqualTo("Group 2");

        for (String response : responses) {
            Job job = WireMapper.job(read(response, VeeamJson.type(Wire.Job.class), create), null);
            assertThat(job.id()).isEqualTo("e8e3e9d5-29ba-41e6-bab7-25387149141f");
            assertThat(job.lastStatus()).isEqualTo(JobStatus.STOPPED);
            assertThat(job.organizationId()).isEqualTo("9b538005-3e68-4263-a84e-cc40630747be"); // from _links
            assertThat(job.schedulePolicy().dailyType()).isEqualTo(DailyType.EVERYDAY);
        }
    }

    @Test
    void theV3JobRepresentationWithA168HourWindowParses() throws IOException {
        String page = page(V3_JOB);
        String body = balanced(page, page.indexOf("{", page.indexOf("has the following representation")));

        Job job = WireMapper.job(read(body, VeeamJson.type(Wire.Job.class), new Endpoint("GET", "/v3/Jobs/{id}")), null);

        assertThat(job.schedulePolicy().backupWindowSettings().hours()).hasSize(168);
        assertThat(job.schedulePolicy().backupWindowSettings().isComplete()).isTrue();
        assertThat(job.schedulePolicy().backupWindowSettings().hours().subList(30, 33)).containsOnly(false);
        assertThat(job.schedulePolicy().type()).isEqualTo(ScheduleType.DAILY);
        assertThat(job.schedulePolicy().dailyTime()).isEqualTo(LocalTime.of(19, 0));
        assertThat(job.lastStatus()).isEqualTo(JobStatus.SUCCESS);
    }

    @Test
    void theV1JobExampleParsesOnceItsElisionIsRemoved() throws IOException {
        String page = page(V1_JOB);
        String body = balanced(page, page.indexOf("{", page.indexOf("Response Body:")));
        // the page abbreviates the 168 hours as "true, true, true, ... ]": documentation, not JSON
        String json = body.replace(", ... ]", " ]");

        Job job = WireMapper.job(read(json, VeeamJson.type(Wire.Job.class), new Endpoint("GET", "/v1/Jobs/{ID}")), null);

        assertThat(job.isEnabled()).isTrue();           // "isEnabled": "true", a string
        assertThat(job.lastStatus()).isEqualTo(JobStatus.SUCCESS);
        assertThat(job.schedulePolicy().dailyType()).isEqualTo(DailyType.SUNDAY);
        assertThat(job.schedulePolicy().retryNumber()).isEqualTo(5);
        // v1's "backupWindow": {"backupIntervalsArray": [...]} is read as the window settings
        assertThat(job.schedulePolicy().backupWindowSettings().hours()).containsExactly(true, true, true);
        assertThat(job.organizationId()).isEqualTo("357c6d0d-70b7-4c59-8285-76be5ac9c136");
    }

    // ---- parsing through the client ------------------------------------------------------------

    private static Object parse(RedocBlock block, Endpoint endpoint) throws IOException {
        String section = block.section;
        boolean request = block.kind == Kind.REQUEST;
        switch (section) {
            case "Get Backup Jobs" -> {
                List<Job> jobs = page(block.json, Wire.Job.class, endpoint).stream()
                        .map(w -> WireMapper.job(w, null)).toList();
                assertThat(jobs).singleElement().satisfies(j -> {
                    assertThat(j.eTag()).isZero();
                    assertThat(j.schedulePolicy().backupWindowSettings().hours()).containsExactly(true);
                });
                return jobs;
            }
            case "Create Backup Job", "Get Backup Job", "Edit Backup Job Settings", "Get Backup Copy Job" -> {
                Wire.Job wire = read(block.json, VeeamJson.type(Wire.Job.class), endpoint);
                Job job = WireMapper.job(wire, null);
                if (request) {
                    List<JobItem> items = wire.selectedItems().stream().map(WireMapper::item).toList();
                    assertThat(items).singleElement().satisfies(i -> {
                        assertThat(i.type()).isEqualTo(ItemType.GROUP);
                        assertThat(i.site().url()).isEqualTo("string");
                        assertThat(i.memberOneDrive()).isTrue();
                    });
                    assertThat(wire.excludedItems()).hasSize(1);
                } else if (section.equals("Get Backup Copy Job")) {
                    assertThat(job.schedulePolicy().type()).isEqualTo(ScheduleType.UNKNOWN); // "Immediate"
                } else {
                    assertThat(job.lastStatus()).isEqualTo(JobStatus.STOPPED);
                }
                return job;
            }
            case "Get Backup Job Items", "Get Excluded Items" -> {
                return page(block.json, Wire.JobItem.class, endpoint).stream().map(WireMapper::item).toList();
            }
            case "Add Items to Backup Job", "Add Items to Exclusions" -> {
                List<Wire.JobItem> items = read(block.json, VeeamJson.listOf(Wire.JobItem.class), endpoint);
                return items.stream().map(WireMapper::item).toList();
            }
            case "Remove Backup Job Items" -> {
                List<String> ids = read(block.json, VeeamJson.listOf(String.class), endpoint);
                assertThat(ids).containsExactly("string");
                return ids;
            }
            case "Get Backup Job Item", "Edit Backup Job Item", "Get Excluded Item", "Edit Excluded Item" -> {
                JobItem item = WireMapper.item(read(block.json, VeeamJson.type(Wire.JobItem.class), endpoint));
                assertThat(item.group().type()).isEqualTo("Office365");
                return item;
            }
            case "Start Backup Job" -> {
                if (request) {
                    return read(block.json, VeeamJson.type(Wire.StartOptions.class), endpoint);
                }
                return WireMapper.session(read(block.json, VeeamJson.type(Wire.JobSession.class), endpoint));
            }
            case "Create Restore Session" -> {
                // restore sessions are outside the operator's model: the client's JSON reads them as a tree
                JsonNode tree = read(block.json, VeeamJson.type(JsonNode.class), endpoint);
                assertThat(tree.isObject()).isTrue();
                return tree;
            }
            default -> throw new AssertionError("no parser for section " + section);
        }
    }

    private static <T> T read(String json, JavaType type, Endpoint endpoint) throws IOException {
        return VeeamJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), type, endpoint, 200,
                false);
    }

    private static <T> List<T> page(String json, Class<T> element, Endpoint endpoint) throws IOException {
        return VeeamJson.readPageOrArray(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), element,
                endpoint, 200).items();
    }

    // ---- extraction from the pages -------------------------------------------------------------

    /** The six v5 response bodies: from "Response Body:" to the next example (raw, as published). */
    private static List<String> v5Bodies() {
        String page = page(V5_ITEMS);
        List<String> bodies = new ArrayList<>();
        Matcher m = Pattern.compile("Response Body:\\s*").matcher(page);
        while (m.find()) {
            int end = page.indexOf("\nExample ", m.end());
            bodies.add(page.substring(m.end(), end < 0 ? page.length() : end).trim());
        }
        return bodies;
    }

    private static List<String> bodiesAfter(String page, String marker) {
        List<String> bodies = new ArrayList<>();
        for (int at = page.indexOf(marker); at >= 0; at = page.indexOf(marker, at + 1)) {
            bodies.add(balanced(page, page.indexOf('{', at)));
        }
        return bodies;
    }

    /** The JSON value starting at {@code start}, up to its matching bracket (strings respected). */
    static String balanced(String text, int start) {
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
                if (depth == 0) {
                    return text.substring(start, i + 1);
                }
            }
        }
        throw new AssertionError("unbalanced JSON at " + start);
    }

    enum Kind { REQUEST, RESPONSE, ERROR }

    record RedocBlock(String section, Kind kind, String json) {
    }

    private static final Pattern SECTION = Pattern.compile("(?m)(?:^|[}\\]])(Get Backup Jobs|Create Backup Job|"
            + "Get Backup Job|Edit Backup Job Settings|Remove Backup Job|Get Backup Copy Job|Get Backup Job Items|"
            + "Add Items to Backup Job|Remove Backup Job Items|Get Backup Job Item|Edit Backup Job Item|"
            + "Get Excluded Items|Add Items to Exclusions|Remove Excluded Items|Get Excluded Item|Edit Excluded Item|"
            + "Enable Backup Job|Disable Backup Job|Start Backup Job|Stop Backup Job|Create Restore Session)\\n");

    /**
     * The v8 page's samples: Redoc prints JSON as nested lists ("{- "id": ...", "], - "x"..."); a
     * sample after "- Go" is a request payload, after "- 200"/"- 201" then "- default" a success
     * response, after a lone "- default" the error response.
     */
    static List<RedocBlock> redocBlocks(String page) {
        List<int[]> sections = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Matcher s = SECTION.matcher(page);
        while (s.find()) {
            sections.add(new int[] {s.start(1)});
            names.add(s.group(1));
        }
        List<RedocBlock> blocks = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^[\\[{]- ").matcher(page);
        while (m.find()) {
            String raw = balanced(page, m.start());
            String json = raw.replaceAll("(?m)(^|[\\[{,]\\s*)- ", "$1");
            String before = page.substring(Math.max(0, m.start() - 40), m.start());
            Kind kind;
            if (before.endsWith("- Go\n")) {
                kind = Kind.REQUEST;
            } else if (before.matches("(?s).*- 20[01]\n- default\n$")) {
                kind = Kind.RESPONSE;
            } else {
                kind = Kind.ERROR;
            }
            String section = null;
            for (int i = 0; i < sections.size(); i++) {
                if (sections.get(i)[0] < m.start()) {
                    section = names.get(i);
                }
            }
            blocks.add(new RedocBlock(section, kind, json));
        }
        return blocks;
    }
}
