package dev.vb365.operator.veeam;

import static dev.vb365.operator.veeam.FakeVeeam.json;
import static dev.vb365.operator.veeam.FakeVeeam.noContent;
import static dev.vb365.operator.veeam.JobFixtures.ORG;
import static dev.vb365.operator.veeam.JobFixtures.REPO;
import static dev.vb365.operator.veeam.JobFixtures.jobId;
import static dev.vb365.operator.veeam.JobFixtures.legacyJob;
import static dev.vb365.operator.veeam.JobFixtures.v8Job;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vb365.operator.veeam.model.BackupType;
import dev.vb365.operator.veeam.model.BackupWindow;
import dev.vb365.operator.veeam.model.DailyType;
import dev.vb365.operator.veeam.model.Group;
import dev.vb365.operator.veeam.model.Job;
import dev.vb365.operator.veeam.model.JobEdit;
import dev.vb365.operator.veeam.model.JobItem;
import dev.vb365.operator.veeam.model.JobSession;
import dev.vb365.operator.veeam.model.JobStatus;
import dev.vb365.operator.veeam.model.NewJob;
import dev.vb365.operator.veeam.model.PeriodicInterval;
import dev.vb365.operator.veeam.model.SchedulePolicy;
import dev.vb365.operator.veeam.model.ScheduleType;
import dev.vb365.operator.veeam.model.Site;
import dev.vb365.operator.veeam.model.Team;
import dev.vb365.operator.veeam.model.User;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LeakGuard.class)
class JobsTest {

    static final User ALICE = new User("b583d2b8-c143-4b98-a769-fc95ebaa45f6", "alice@contoso.com", "Alice",
            "User", "Cloud");
    static final Group FINANCE = new Group("ca4b3d46-640f-4353-b59b-5beff743ca4c", "finance@contoso.com",
            "Finance", "Office365", "Cloud");
    static final Site INTRANET = new Site("94f50108-75b4-4a5e-89ae-5651ee1e3975", "https://contoso.sharepoint.com/sites/intranet",
            "Intranet", "Intranet", "https://contoso.sharepoint.com", true, false);
    static final Team IT = new Team("448c5b66-8dcd-4c75-b636-d3b500bce36f", "IT", "it@contoso.com", "IT team");

    VeeamTestServer vb;

    @AfterEach
    void stop() {
        if (vb != null) {
            vb.close();
        }
    }

    @Test
    void listsEveryPageOfJobsWithTheFilters() {
        vb = VeeamTestServer.start(ApiVersion.V8);
        List<String> all = IntStream.rangeClosed(1, 5).mapToObj(n -> v8Job(n, n)).toList();
        vb.fake.on("GET", "/v8/Jobs", r -> {
            int offset = Integer.parseInt(r.getUrl().queryParameter("offset"));
            int limit = Integer.parseInt(r.getUrl().queryParameter("limit"));
            return json(200, JobFixtures.page(offset, limit, null, all.subList(offset, Math.min(all.size(), offset + limit))));
        });
        VeeamClient client = vb.client(vb.options().withPageSize(2));

        List<Job> jobs = client.listJobs(ORG, REPO);

        assertThat(jobs).extracting(Job::id).containsExactly(jobId(1), jobId(2), jobId(3), jobId(4), jobId(5));
        List<RecordedRequest> pages = vb.fake.requests("GET", "/v8/Jobs");
        assertThat(pages).extracting(r -> r.getUrl().queryParameter("offset")).containsExactly("0", "2", "4");
        assertThat(pages).allSatisfy(r -> {
            assertThat(r.getUrl().queryParameter("limit")).isEqualTo("2");
            assertThat(r.getUrl().queryParameter("organizationId")).isEqualTo(ORG);
            assertThat(r.getUrl().queryParameter("repositoryId")).isEqualTo(REPO);
            assertThat(r.getUrl().queryParameter("setId")).isNull(); // /Jobs takes no setId
        });
    }

    @Test
    void aServerThatCapsThePageBelowTheAskedLimitIsStillReadToTheEnd() {
        vb = VeeamTestServer.start(ApiVersion.V8);
        List<String> all = IntStream.rangeClosed(1, 3).mapToObj(n -> v8Job(n, n)).toList();
        vb.fake.on("GET", "/v8/Jobs", r -> {
            int offset = Integer.parseInt(r.getUrl().queryParameter("offset"));
            return json(200, JobFixtures.page(offset, 2, null, all.subList(offset, Math.min(all.size(), offset + 2))));
        });

        assertThat(vb.client().listJobs()).hasSize(3);
        assertThat(vb.fake.requests("GET", "/v8/Jobs")).extracting(r -> r.getUrl().queryParameter("limit"))
                .containsExactly("1000", "1000");
    }

    @Test
    void readsAV8JobCompletely() {
        vb = VeeamTestServer.start(ApiVersion.V8);
        vb.fake.onJson("GET", "/v8/Jobs/" + jobId(7), 200, v8Job(7, 42));

        Job job = vb.client().getJob(jobId(7));

        assertThat(job).isEqualTo(new Job(jobId(7), "Job 7", "made by the operator", ORG, REPO,
                BackupType.SELECTED_ITEMS, true,
                new SchedulePolicy(true, ScheduleType.DAILY, null, null, null, null, DailyType.WORKDAYS,
                        LocalTime.of(22, 30), true, new BackupWindow(JobFixtures.windowHours(), 0), true, 3, 10),
                Instant.parse("2024-04-30T22:30:01.1234567Z"), Instant.parse("2024-05-01T22:30:00Z"),
                Instant.parse("2024-04-30T22:41:00Z"), JobStatus.SUCCESS, 42L));
        assertThat(job.schedulePolicy().backupWindowSettings().isComplete()).isTrue();
    }

    @Test
    void v6AndV7ListJobsOfAnOrganizationUnderIt() {
        for (ApiVersion version : List.of(ApiVersion.V7, ApiVersion.V6)) {
            try (VeeamTestServer server = VeeamTestServer.start(version)) {
                String v = version.segment();
                server.fake.onJson("GET", "/" + v + "/Organizations/" + ORG + "/Jobs", 200,
                        JobFixtures.array(List.of(legacyJob(1, v), legacyJob(2, v))));
                server.fake.onJson("GET", "/" + v + "/Jobs", 200, JobFixtures.array(List.of(legacyJob(3, v))));
                VeeamClient client = server.client();

                List<Job> ofOrg = client.listJobs(ORG, null);
                List<Job> all = client.listJobs();

                assertThat(ofOrg).extracting(Job::id).containsExactly(jobId(1), jobId(2));
                assertThat(ofOrg).allSatisfy(j -> {
                    assertThat(j.organizationId()).isEqualTo(ORG);
                    assertThat(j.eTag()).isNull();
                    assertThat(j.isEnabled()).isFalse();
                    assertThat(j.lastStatus()).isEqualTo(JobStatus.WARNING);
                    assertThat(j.schedulePolicy().periodicallyEvery()).isEqualTo(PeriodicInterval.HOURS_4);
                });
                // /Jobs has no organizationId field before v8: it comes from the job's links
                assertThat(all).singleElement().satisfies(j -> assertThat(j.organizationId()).isEqualTo(ORG));
                // no paging parameters where the spec has none
                assertThat(server.fake.apiRequests()).allSatisfy(r -> assertThat(r.getUrl().query()).isNull());
                assertThat(client.listJobs(ORG, "no-such-repository")).isEmpty();
            }
        }
    }

    @Test
    void createsAV8JobWithItemsInlineInOneCall() {
        vb = VeeamTestServer.start(ApiVersion.V8);
        vb.fake.onJson("POST", "/v8/Jobs", 201, v8Job(9, 1, "Finance", "NotConfigured"));
        NewJob job = newJob();

        Job created = vb.client().createJob(job, true);

        assertThat(created.id()).isEqualTo(jobId(9));
        assertThat(created.eTag()).isEqualTo(1L);
        assertThat(created.lastStatus()).isEqualTo(JobStatus.NOT_CONFIGURED);
        RecordedRequest post = vb.fake.requests("POST", "/v8/Jobs").get(0);
        assertThat(post.getUrl().queryParameter("skipItemUpdate")).isEqualTo("true");
        assertThat(post.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(Json.body(post)).isEqualTo(Json.tree("""
                {"name":"Finance","description":"managed by vb365-operator","organizationId":"%s","repositoryId":"%s",
                 "backupType":"SelectedItems","isEnabled":true,"runNow":false,
                 "schedulePolicy":{"scheduleEnabled":true,"type":"Daily","dailyType":"Workdays","dailyTime":"22:30:00",
                   "backupWindowEnabled":false,"retryEnabled":true,"retryNumber":3,"retryWaitInterval":10},
                 "selectedItems":[
                   {"type":"User","user":{"id":"%s","name":"alice@contoso.com","displayName":"Alice","type":"User","locationType":"Cloud"},
                    "mailbox":true,"archiveMailbox":true,"oneDrive":true,"personalSite":false},
                   {"type":"Team","team":{"id":"%s","displayName":"IT","mail":"it@contoso.com","description":"IT team"},"teamsChats":true},
                   {"type":"Site","site":{"id":"%s","url":"https://contoso.sharepoint.com/sites/intranet","name":"Intranet",
                    "title":"Intranet","parentUrl":"https://contoso.sharepoint.com","isCloud":true,"isPersonal":false}},
                   {"type":"OneDriveFolders","folders":["Documents","Desktop"]}],
                 "excludedItems":[
                   {"type":"Group","group":{"id":"%s","name":"finance@contoso.com","displayName":"Finance","type":"Office365","locationType":"Cloud"},
                    "members":true,"memberMailbox":true,"memberArchiveMailbox":false,"memberOnedrive":true,"memberSite":false,
                    "mailbox":true,"groupSite":true}]}
                """.formatted(ORG, REPO, ALICE.id(), IT.id(), INTRANET.id(), FINANCE.id())));
    }

    @Test
    void createsAV7JobUnderItsOrganizationWithoutOrganizationIdInTheBody() {
        vb = VeeamTestServer.start(ApiVersion.V7);
        String path = "/v7/Organizations/" + ORG + "/Jobs";
        vb.fake.onJson("POST", path, 200, legacyJob(4, "v7"));

        Job created = vb.client().createJob(newJob(), true);

        assertThat(created.id()).isEqualTo(jobId(4));
        assertThat(created.organizationId()).isEqualTo(ORG);
        RecordedRequest post = vb.fake.requests("POST", path).get(0);
        assertThat(post.getUrl().query()).isNull(); // skipItemUpdate is a v8 parameter
        assertThat(Json.body(post).has("organizationId")).isFalse();
        assertThat(Json.body(post).get("selectedItems").get(1).get("teamsChats").asBoolean()).isTrue();
    }

    @Test
    void v6CallsTheTeamChatsOptionChats() {
        vb = VeeamTestServer.start(ApiVersion.V6);
        String path = "/v6/Organizations/" + ORG + "/Jobs";
        vb.fake.onJson("POST", path, 200, legacyJob(4, "v6"));

        vb.client().createJob(newJob());

        RecordedRequest post = vb.fake.requests("POST", path).get(0);
        assertThat(Json.body(post).get("selectedItems").get(1)).isEqualTo(Json.tree("""
                {"type":"Team","team":{"id":"%s","displayName":"IT","mail":"it@contoso.com","description":"IT team"},"chats":true}
                """.formatted(IT.id())));
    }

    @Test
    void editsJobSettingsWithPut() {
        vb = VeeamTestServer.start(ApiVersion.V8);
        String path = "/v8/Jobs/" + jobId(3);
        vb.fake.on("PUT", path, r -> noContent());
        VeeamClient client = vb.client();

        client.editJob(jobId(3), JobEdit.settings("Renamed", "new description", REPO, BackupType.ENTIRE_ORGANIZATION,
                false, SchedulePolicy.periodically(PeriodicInterval.HOURS_12)), true);
        client.editJob(jobId(3), new JobEdit(null, null, null, null, null, null, List.of(), null));

        List<RecordedRequest> puts = vb.fake.requests("PUT", path);
        assertThat(puts.get(0).getUrl().queryParameter("skipItemUpdate")).isEqualTo("true");
        assertThat(Json.body(puts.get(0))).isEqualTo(Json.tree("""
                {"name":"Renamed","description":"new description","repositoryId":"%s","backupType":"EntireOrganization",
                 "isEnabled":false,"schedulePolicy":{"scheduleEnabled":true,"type":"Periodically","periodicallyEvery":"Hours12",
                 "periodicallyWindowEnabled":false,"backupWindowEnabled":false,"retryEnabled":true,"retryNumber":3,
                 "retryWaitInterval":10}}
                """.formatted(REPO)));
        // an explicitly empty list is sent (it replaces the items); absent fields are not
        assertThat(puts.get(1).getUrl().query()).isNull();
        assertThat(Json.body(puts.get(1))).isEqualTo(Json.tree("{\"selectedItems\":[]}"));
    }

    @Test
    void deletesAJobAndTreatsAMissingOneAsAlreadyDeleted() {
        vb = VeeamTestServer.start(ApiVersion.V8);
        vb.fake.on("DELETE", "/v8/Jobs/" + jobId(1), r -> noContent());
        VeeamClient client = vb.client();

        assertThat(client.deleteJob(jobId(1))).isTrue();
        assertThat(client.deleteJob(jobId(2))).isFalse();
        assertThat(vb.fake.apiRequests()).extracting(r -> r.getMethod() + " " + r.getUrl().encodedPath())
                .containsExactly("DELETE /v8/Jobs/" + jobId(1), "DELETE /v8/Jobs/" + jobId(2));
    }

    @Test
    void enablesDisablesAndStopsJobs() {
        vb = VeeamTestServer.start(ApiVersion.V8);
        String path = "/v8/Jobs/" + jobId(1);
        for (String action : List.of("enable", "disable", "stop")) {
            vb.fake.on("POST", path + "/" + action, r -> noContent());
        }
        VeeamClient client = vb.client();

        client.enableJob(jobId(1));
        client.disableJob(jobId(1));
        client.stopJob(jobId(1));

        assertThat(vb.fake.apiRequests()).extracting(r -> r.getMethod() + " " + r.getUrl().encodedPath() + " "
                + r.getBodySize()).containsExactly("POST " + path + "/enable 0", "POST " + path + "/disable 0",
                "POST " + path + "/stop 0");
    }

    @Test
    void startReturnsTheSessionOnV8() {
        vb = VeeamTestServer.start(ApiVersion.V8);
        vb.fake.onJson("POST", "/v8/Jobs/" + jobId(1) + "/start", 200, """
                {"id":"6c2a5b1e-0000-0000-0000-000000000001","jobId":"%s","repositoryId":"%s","details":"",
                 "creationTime":"2024-05-01T10:00:01Z","endTime":null,"retryCount":0,"progress":0,"jobType":"Backup",
                 "jobSessionConfigType":"Full","status":"Running","eTag":1,"statistics":{"bottleneck":"NA"}}
                """.formatted(jobId(1), REPO));

        Optional<JobSession> session = vb.client().startJob(jobId(1), true);

        assertThat(session).contains(new JobSession("6c2a5b1e-0000-0000-0000-000000000001", jobId(1),
                JobStatus.RUNNING, Instant.parse("2024-05-01T10:00:01Z"), null, "", true, null, null, 0, null));
        assertThat(Json.body(vb.fake.requests("POST", "/v8/Jobs/" + jobId(1) + "/start").get(0)))
                .isEqualTo(Json.tree("{\"full\":true}"));
    }

    @Test
    void startReturnsNoSessionBeforeV8() {
        vb = VeeamTestServer.start(ApiVersion.V6);
        vb.fake.on("POST", "/v6/Jobs/" + jobId(1) + "/start", r -> noContent());

        assertThat(vb.client().startJob(jobId(1))).isEmpty();
        assertThat(Json.body(vb.fake.requests("POST", "/v6/Jobs/" + jobId(1) + "/start").get(0)))
                .isEqualTo(Json.tree("{\"full\":false}"));
    }

    @Test
    void valuesTheClientDoesNotKnowAreUnknownNotErrors() {
        vb = VeeamTestServer.start(ApiVersion.V8);
        vb.fake.onJson("GET", "/v8/Jobs/" + jobId(1), 200, """
                {"id":"%s","name":"x","backupType":"Everything","isEnabled":null,"lastStatus":"Paused",
                 "schedulePolicy":{"type":"Hourly","periodicallyEvery":"Minutes1","dailyType":"Holidays","dailyTime":"string",
                 "backupWindowSettings":{"backupWindow":[true,null,false],"minuteOffset":null}},
                 "lastRun":"0001-01-01T00:00:00","nextRun":"2024-05-01T22:30:00","someFutureField":{"a":[1,2]}}
                """.formatted(jobId(1)));

        Job job = vb.client().getJob(jobId(1));

        assertThat(job.backupType()).isEqualTo(BackupType.UNKNOWN);
        assertThat(job.lastStatus()).isEqualTo(JobStatus.UNKNOWN);
        assertThat(job.isEnabled()).isFalse();
        assertThat(job.schedulePolicy().type()).isEqualTo(ScheduleType.UNKNOWN);
        assertThat(job.schedulePolicy().periodicallyEvery()).isEqualTo(PeriodicInterval.UNKNOWN);
        assertThat(job.schedulePolicy().dailyType()).isEqualTo(DailyType.UNKNOWN);
        assertThat(job.schedulePolicy().dailyTime()).isNull();
        assertThat(job.schedulePolicy().backupWindowSettings().hours()).containsExactly(true, false, false);
        assertThat(job.lastRun()).isNull(); // .NET's "never"
        assertThat(job.nextRun()).isEqualTo(Instant.parse("2024-05-01T22:30:00Z")); // no offset: UTC
        assertThat(job.eTag()).isNull();
    }

    static NewJob newJob() {
        return new NewJob("Finance", "managed by vb365-operator", ORG, REPO, BackupType.SELECTED_ITEMS, true, false,
                SchedulePolicy.daily(DailyType.WORKDAYS, LocalTime.of(22, 30)),
                List.of(JobItem.user(ALICE, true, true, true, false), JobItem.team(IT, true), JobItem.site(INTRANET),
                        JobItem.oneDriveFolders(List.of("Documents", "Desktop"))),
                List.of(JobItem.group(FINANCE, true, true, false, true, false, true, true)));
    }
}
