package dev.vb365.operator.veeam.sim;

import static dev.vb365.operator.veeam.sim.SimLeakScan.failure;
import static dev.vb365.simulator.testsupport.DefaultFixture.CONTOSO;
import static dev.vb365.simulator.testsupport.DefaultFixture.DEFAULT_REPOSITORY;
import static dev.vb365.simulator.testsupport.DefaultFixture.LONG_TERM_REPOSITORY;
import static dev.vb365.simulator.testsupport.DefaultFixture.ORGANIZATION_ITEM_PREFIX;
import static dev.vb365.simulator.testsupport.DefaultFixture.USER_ITEM_PREFIX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vb365.operator.veeam.ApiVersion;
import dev.vb365.operator.veeam.ConflictException;
import dev.vb365.operator.veeam.ItemScope;
import dev.vb365.operator.veeam.NotFoundException;
import dev.vb365.operator.veeam.ValidationException;
import dev.vb365.operator.veeam.VeeamClient;
import dev.vb365.operator.veeam.model.BackupType;
import dev.vb365.operator.veeam.model.DailyType;
import dev.vb365.operator.veeam.model.ItemType;
import dev.vb365.operator.veeam.model.Job;
import dev.vb365.operator.veeam.model.JobEdit;
import dev.vb365.operator.veeam.model.JobItem;
import dev.vb365.operator.veeam.model.JobSession;
import dev.vb365.operator.veeam.model.JobStatus;
import dev.vb365.operator.veeam.model.NewJob;
import dev.vb365.operator.veeam.model.PeriodicInterval;
import dev.vb365.operator.veeam.model.ScheduleType;
import dev.vb365.operator.veeam.model.User;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every job and item operation the operator uses, in each API version, against the simulator: the
 * results, and the API calls each costs as the simulator counted them.
 */
@ExtendWith(SimLeakScan.class)
class JobOperationsSimTest {

    static final Backends BACKENDS = new Backends();

    @AfterAll
    static void stop() {
        BACKENDS.closeAll();
    }

    static VeeamClient loggedIn(SimBackend vb, int pageSize) {
        VeeamClient client = vb.client(o -> o.withPageSize(pageSize));
        client.apiVersion();
        return client;
    }

    static String uniqueName(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** One item of every type, referring to the built-in fixture's objects. */
    static List<JobItem> everyItemType(VeeamClient client) {
        return List.of(
                JobItem.user(client.resolveUser(CONTOSO, "alice@contoso.onmicrosoft.com"), true, true, true, false),
                JobItem.group(client.resolveGroup(CONTOSO, "Finance"), true, true, false, true, false, true, true),
                JobItem.site(client.resolveSite(CONTOSO, "https://contoso.sharepoint.com/sites/finance")),
                JobItem.team(client.resolveTeam(CONTOSO, "Sales"), true),
                JobItem.partialOrganization(false, false, false, true, true, false),
                JobItem.personalSites(),
                JobItem.oneDriveFolders(List.of("Documents/Reports", "Desktop")));
    }

    static NewJob newJob(String name, List<JobItem> selected, List<JobItem> excluded) {
        return new NewJob(name, "made by a test", CONTOSO, DEFAULT_REPOSITORY, BackupType.SELECTED_ITEMS, null, null,
                Schedules.daily(LocalTime.of(22, 0)), selected, excluded);
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void createWithEveryItemTypeInlineThenReadListAndFind(ApiVersion version) {
        SimBackend vb = BACKENDS.of(version);
        String v = vb.v();
        VeeamClient client = loggedIn(vb, 1000);
        List<JobItem> selected = everyItemType(client);
        List<JobItem> excluded = List.of(JobItem.user(client.resolveUser(CONTOSO, "Bob Brown"), true, true, true,
                true));
        String name = uniqueName("Inline items");

        Job[] created = new Job[1];
        Map<String, Long> createCost = vb.cost(() -> created[0] = client.createJob(newJob(name, selected, excluded)));
        Job job = created[0];
        assertThat(createCost).as("one call, items inline").isEqualTo(version == ApiVersion.V8
                ? Map.of("POST /v8/Jobs", 1L) : Map.of("POST /" + v + "/Organizations/{organizationId}/Jobs", 1L));
        assertThat(job.id()).isNotBlank();
        assertThat(job.name()).isEqualTo(name);
        assertThat(job.organizationId()).isEqualTo(CONTOSO);
        assertThat(job.repositoryId()).isEqualTo(DEFAULT_REPOSITORY);
        assertThat(job.backupType()).isEqualTo(BackupType.SELECTED_ITEMS);
        assertThat(job.isEnabled()).isTrue();
        assertThat(job.eTag()).isEqualTo(version == ApiVersion.V8 ? 1L : null);
        assertThat(job.schedulePolicy().type()).isEqualTo(ScheduleType.DAILY);
        assertThat(job.schedulePolicy().dailyType()).isEqualTo(DailyType.WORKDAYS);
        assertThat(job.schedulePolicy().dailyTime()).isEqualTo(LocalTime.of(22, 0));
        assertThat(job.nextRun().atOffset(ZoneOffset.UTC).toLocalTime()).isEqualTo(LocalTime.of(22, 0));
        assertThat(job.lastRun()).isNull();

        Job[] read = new Job[1];
        assertThat(vb.cost(() -> read[0] = client.getJob(job.id())))
                .isEqualTo(Map.of("GET /" + v + "/Jobs/{jobId}", 1L));
        assertThat(read[0]).isEqualTo(job);

        List<JobItem> items = client.listItems(job.id(), ItemScope.SELECTED);
        assertThat(items).extracting(JobItem::type).containsExactlyInAnyOrder(ItemType.USER, ItemType.GROUP,
                ItemType.SITE, ItemType.TEAM, ItemType.PARTIAL_ORGANIZATION, ItemType.PERSONAL_SITES,
                ItemType.ONE_DRIVE_FOLDERS);
        for (JobItem item : items) {
            JobItem sent = selected.stream().filter(s -> s.type() == item.type()).findFirst().orElseThrow();
            assertThat(item.id()).isNotBlank();
            assertThat(item.referenceId()).isEqualTo(sent.referenceId());
            assertThat(item.withId(null)).as("%s read back as sent", item.type())
                    .usingRecursiveComparison().comparingOnlyFields("mailbox", "archiveMailbox", "oneDrive",
                            "personalSite", "sites", "teams", "teamsChats", "members", "memberMailbox",
                            "memberArchiveMailbox", "memberOneDrive", "memberSite", "groupSite", "folders")
                    .isEqualTo(sent);
        }
        assertThat(items).filteredOn(i -> i.type() == ItemType.PARTIAL_ORGANIZATION).singleElement()
                .extracting(JobItem::id).isEqualTo(ORGANIZATION_ITEM_PREFIX + CONTOSO);
        assertThat(client.listItems(job.id(), ItemScope.EXCLUDED)).singleElement()
                .satisfies(i -> assertThat(i.user().displayName()).isEqualTo("Bob Brown"));

        String listRoute = version == ApiVersion.V8 ? "GET /v8/Jobs" : "GET /" + v + "/Organizations/{organizationId}/Jobs";
        assertThat(vb.cost(() -> assertThat(client.listJobs(CONTOSO, null)).extracting(Job::id).contains(job.id())))
                .isEqualTo(Map.of(listRoute, 1L));
        assertThat(vb.cost(() -> assertThat(client.findJobsByName(CONTOSO, name.toUpperCase())).singleElement()
                .isEqualTo(job))).as("the look before a second create: one listing").isEqualTo(Map.of(listRoute, 1L));
        assertThat(client.listJobs()).filteredOn(j -> j.id().equals(job.id())).singleElement()
                .as("the organization of a listed job, also where the job body has none").isEqualTo(job);
        assertThat(client.listJobs(CONTOSO, LONG_TERM_REPOSITORY)).extracting(Job::id).doesNotContain(job.id());
        assertThat(client.findJobsByName(CONTOSO, "no such job")).isEmpty();

        ConflictException taken = failure(ConflictException.class,
                () -> client.createJob(newJob(name.toLowerCase(), List.of(), List.of())));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.serverMessage()).containsIgnoringCase(name);
        assertThat(client.deleteJob(job.id())).isTrue();
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void editSchedulesSettingsAndState(ApiVersion version) {
        SimBackend vb = BACKENDS.of(version);
        String job = "/" + vb.v() + "/Jobs/{jobId}";
        VeeamClient client = loggedIn(vb, 1000);
        List<JobItem> alice = List.of(JobItem.user(client.resolveUser(CONTOSO, "alice@contoso.onmicrosoft.com"),
                true, false, true, false));
        String id = client.createJob(newJob(uniqueName("Edited"), alice, List.of())).id();
        boolean v8 = version == ApiVersion.V8;

        assertThat(vb.cost(() -> client.editJob(id, JobEdit.settings(null, null, null, null, null,
                Schedules.periodically(PeriodicInterval.HOURS_1))))).isEqualTo(Map.of("PUT " + job, 1L));
        Job periodic = client.getJob(id);
        assertThat(periodic.schedulePolicy().type()).isEqualTo(ScheduleType.PERIODICALLY);
        assertThat(periodic.schedulePolicy().periodicallyEvery()).isEqualTo(PeriodicInterval.HOURS_1);
        assertThat(periodic.nextRun()).isNotNull();
        assertThat(periodic.nextRun().atOffset(ZoneOffset.UTC).getMinute()).isZero();
        assertThat(periodic.eTag()).isEqualTo(v8 ? 2L : null);

        client.editJob(id, JobEdit.settings(null, null, null, null, null, Schedules.dailyAtNight(LocalTime.of(7, 0))));
        Job outsideWindow = client.getJob(id);
        assertThat(outsideWindow.schedulePolicy().backupWindowEnabled()).isTrue();
        assertThat(outsideWindow.schedulePolicy().backupWindowSettings()).isEqualTo(Schedules.nights());
        assertThat(outsideWindow.schedulePolicy().retryNumber()).isEqualTo(2);
        assertThat(outsideWindow.nextRun()).as("07:00 is never inside a 20:00-06:00 window").isNull();
        client.editJob(id, JobEdit.settings(null, null, null, null, null, Schedules.dailyAtNight(LocalTime.of(23, 0))));
        assertThat(client.getJob(id).nextRun().atOffset(ZoneOffset.UTC).toLocalTime()).isEqualTo(LocalTime.of(23, 0));

        client.editJob(id, JobEdit.settings(null, null, null, null, null, Schedules.manualOnly()));
        Job manual = client.getJob(id);
        assertThat(manual.schedulePolicy().type()).isEqualTo(ScheduleType.MANUAL_ONLY);
        assertThat(manual.nextRun()).isNull();

        String renamed = uniqueName("Renamed");
        client.editJob(id, JobEdit.settings(renamed, "new description", LONG_TERM_REPOSITORY, null, null, null));
        Job edited = client.getJob(id);
        assertThat(edited.name()).isEqualTo(renamed);
        assertThat(edited.description()).isEqualTo("new description");
        assertThat(edited.repositoryId()).isEqualTo(LONG_TERM_REPOSITORY);
        assertThat(edited.schedulePolicy().type()).as("left alone").isEqualTo(ScheduleType.MANUAL_ONLY);
        assertThat(client.listItems(id, ItemScope.SELECTED)).as("items left alone").hasSize(1);
        assertThat(edited.eTag()).isEqualTo(v8 ? 6L : null);

        assertThat(vb.cost(() -> client.disableJob(id))).isEqualTo(Map.of("POST " + job + "/disable", 1L));
        assertThat(client.getJob(id).isEnabled()).isFalse();
        assertThat(vb.cost(() -> client.enableJob(id))).isEqualTo(Map.of("POST " + job + "/enable", 1L));
        assertThat(client.getJob(id).isEnabled()).isTrue();

        ValidationException invalid = failure(ValidationException.class, () -> client.editJob(id,
                JobEdit.settings("", null, null, null, null, null)));
        assertThat(invalid.serverMessage()).contains("name");
        assertThat(vb.cost(() -> assertThat(client.deleteJob(id)).isTrue())).isEqualTo(Map.of("DELETE " + job, 1L));
        assertThat(client.findJob(id)).isEmpty();
        assertThat(client.deleteJob(id)).as("already gone").isFalse();
        failure(NotFoundException.class, () -> client.getJob(id));
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void startWatchTheRunThenStop(ApiVersion version) {
        SimBackend vb = BACKENDS.of(version);
        String job = "/" + vb.v() + "/Jobs/{jobId}";
        VeeamClient client = loggedIn(vb, 1000);
        String id = client.createJob(newJob(uniqueName("Started"), List.of(JobItem.personalSites()), List.of())).id();

        @SuppressWarnings("unchecked")
        Optional<JobSession>[] started = new Optional[1];
        assertThat(vb.cost(() -> started[0] = client.startJob(id))).isEqualTo(Map.of("POST " + job + "/start", 1L));
        if (version == ApiVersion.V8) {
            JobSession session = started[0].orElseThrow();
            assertThat(session.jobId()).isEqualTo(id);
            assertThat(session.status()).isEqualTo(JobStatus.RUNNING);
        } else {
            assertThat(started[0]).as("v6/v7 answer 204").isEmpty();
        }
        Job running = client.getJob(id);
        assertThat(running.lastStatus()).isEqualTo(JobStatus.RUNNING);
        assertThat(running.lastRun()).isNotNull();
        failure(ConflictException.class, () -> client.startJob(id));
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> client.getJob(id).lastStatus() == JobStatus.SUCCESS);
        Job done = client.getJob(id);
        assertThat(done.lastRun()).isEqualTo(running.lastRun());
        // v6 jobs have no lastBackup.
        assertThat(done.lastBackup() != null).isEqualTo(version != ApiVersion.V6);

        client.startJob(id, true);
        assertThat(vb.cost(() -> client.stopJob(id))).isEqualTo(Map.of("POST " + job + "/stop", 1L));
        Job stopped = client.getJob(id);
        assertThat(stopped.lastStatus()).isEqualTo(JobStatus.STOPPED);
        assertThat(stopped.lastRun()).isAfter(done.lastRun());
        assertThat(stopped.lastBackup()).as("a stopped run backs nothing up").isEqualTo(done.lastBackup());
        client.deleteJob(id);
    }

    @ParameterizedTest
    @EnumSource(ApiVersion.class)
    void itemsPagedAddedRemovedInBatchesAndEdited(ApiVersion version) {
        SimBackend vb = BACKENDS.of(version);
        String items = "/" + vb.v() + "/Jobs/{jobId}/SelectedItems";
        boolean v8 = version == ApiVersion.V8;
        VeeamClient client = loggedIn(vb, 20);
        List<JobItem> users = new ArrayList<>();
        for (int n = 1; n <= 50; n++) {
            User user = client.resolveUser(CONTOSO, String.format("user%03d@contoso.onmicrosoft.com", n));
            users.add(JobItem.user(user, true, n % 2 == 0, true, false));
        }
        String id = client.createJob(newJob(uniqueName("Many items"), users.subList(0, 10), List.of())).id();

        assertThat(vb.cost(() -> client.addItems(id, ItemScope.SELECTED, users.subList(10, 50))))
                .as("one call for 40 items").isEqualTo(Map.of("POST " + items, 1L));
        List<JobItem> listed = new ArrayList<>();
        assertThat(vb.cost(() -> listed.addAll(client.listItems(id, ItemScope.SELECTED))))
                .as("pages of 20: 20, 20, 10 (v6/v7 return the whole array)")
                .isEqualTo(Map.of("GET " + items, v8 ? 3L : 1L));
        assertThat(listed).hasSize(50).extracting(JobItem::referenceId)
                .containsExactlyInAnyOrderElementsOf(users.stream().map(JobItem::referenceId).toList());
        assertThat(listed).allSatisfy(i -> assertThat(i.id()).startsWith(USER_ITEM_PREFIX));

        JobItem first = listed.get(0);
        JobItem changed = new JobItem(first.id(), ItemType.USER, first.user(), null, null, null, false, true, false,
                true, null, null, null, null, null, null, null, null, null, null);
        assertThat(vb.cost(() -> client.editItem(id, ItemScope.SELECTED, changed)))
                .isEqualTo(Map.of("PUT " + items + "/{itemId}", 1L));
        JobItem reread = client.getItem(id, ItemScope.SELECTED, first.id());
        assertThat(List.of(reread.mailbox(), reread.archiveMailbox(), reread.oneDrive(), reread.personalSite()))
                .containsExactly(false, true, false, true);

        List<String> remove = listed.subList(5, 50).stream().map(JobItem::id).toList();
        // Item ids are 108 characters here: 13 fit the 1500-character budget of one query, so 45 take 4 calls.
        assertThat(remove.get(0)).hasSize(108);
        assertThat(vb.cost(() -> client.removeItems(id, ItemScope.SELECTED, remove)))
                .isEqualTo(Map.of("DELETE " + items, 4L));
        assertThat(client.listItems(id, ItemScope.SELECTED)).hasSize(5);
        if (v8) {
            // created 1, +1 add, +1 edit, +4 removals
            assertThat(client.getJob(id).eTag()).isEqualTo(7L);
        }

        JobItem intern = JobItem.user(client.resolveUser(CONTOSO, "Intern"), true, true, true, true);
        assertThat(vb.cost(() -> client.addItems(id, ItemScope.EXCLUDED, List.of(intern))))
                .isEqualTo(Map.of("POST /" + vb.v() + "/Jobs/{jobId}/ExcludedItems", 1L));
        JobItem excluded = client.listItems(id, ItemScope.EXCLUDED).get(0);
        assertThat(excluded.user().name()).isEqualTo("intern@contoso.onmicrosoft.com");
        client.removeItems(id, ItemScope.EXCLUDED, List.of(excluded.id()));
        assertThat(client.listItems(id, ItemScope.EXCLUDED)).isEmpty();
        assertThat(vb.cost(() -> client.addItems(id, ItemScope.EXCLUDED, List.of()))).as("nothing to add").isEmpty();
        failure(NotFoundException.class, () -> client.removeItems(id, ItemScope.SELECTED, List.of(first.id() + "0")));
        client.deleteJob(id);
    }
}
