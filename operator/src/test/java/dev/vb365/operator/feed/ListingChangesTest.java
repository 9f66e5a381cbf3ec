package dev.vb365.operator.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vb365.operator.veeam.model.BackupType;
import dev.vb365.operator.veeam.model.Job;
import dev.vb365.operator.veeam.model.JobStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobDiffTest {

    static Job job(String id, String name, JobStatus status, Instant lastRun, Instant nextRun, Long eTag) {
        return new Job(id, name, null, "org", "repo", BackupType.ENTIRE_ORGANIZATION, true, null, lastRun, nextRun,
                null, status, eTag);
    }

    static final Instant T1 = Instant.parse("2024-05-01T10:00:00Z");
    static final Instant T2 = Instant.parse("2024-05-01T11:00:00Z");

    @Test
    void reportsNewChangedRunAndDeletedJobs() {
        Map<String, Job> before = Map.of(
                "a", job("a", "A", JobStatus.SUCCESS, T1, T2, null),
                "b", job("b", "B", JobStatus.SUCCESS, T1, T2, null),
                "c", job("c", "C", JobStatus.SUCCESS, T1, T2, null),
                "d", job("d", "D", JobStatus.SUCCESS, T1, T2, null));
        List<Job> after = List.of(
                job("a", "A renamed", JobStatus.SUCCESS, T1, T2, null),   // settings
                job("b", "B", JobStatus.RUNNING, T2, T2, null),           // run state
                job("c", "C", JobStatus.SUCCESS, T1, T1, null),           // next run only: not a change
                job("e", "E", JobStatus.STOPPED, null, null, null));      // new

        assertThat(ListingChanges.between(before, after)).containsExactly(
                new JobChange("a", null, JobChangeKind.UPDATED, null),
                new JobChange("b", null, JobChangeKind.SESSION_UPDATED, JobStatus.RUNNING),
                new JobChange("e", null, JobChangeKind.UPDATED, null),
                new JobChange("d", null, JobChangeKind.DELETED, null));
    }

    @Test
    void aMovedETagIsAChangeEvenWhenNoReadFieldDiffers() {
        Map<String, Job> before = Map.of("a", job("a", "A", JobStatus.SUCCESS, T1, T2, 4L),
                "b", job("b", "B", JobStatus.SUCCESS, T1, T2, 4L));
        List<Job> after = List.of(job("a", "A", JobStatus.SUCCESS, T1, T2, 5L),
                job("b", "B", JobStatus.FAILED, T2, T2, 5L));

        assertThat(ListingChanges.between(before, after)).containsExactly(
                new JobChange("a", 5L, JobChangeKind.UPDATED, null),
                new JobChange("b", 5L, JobChangeKind.SESSION_UPDATED, JobStatus.FAILED));
    }

    @Test
    void identicalListingsReportNothing() {
        Job a = job("a", "A", JobStatus.SUCCESS, T1, T2, 4L);
        assertThat(ListingChanges.between(Map.of("a", a), List.of(a))).isEmpty();
    }
}
