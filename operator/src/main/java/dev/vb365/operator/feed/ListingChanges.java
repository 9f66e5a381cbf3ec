package dev.vb365.operator.feed;

import dev.vb365.operator.veeam.model.Job;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The changes between two listings of jobs. With eTags (v8) a moved eTag is a change even if no
 * field we read differs (items, for instance); without them (v6/v7) the job's settings are compared.
 * Run-state changes (last status, run, backup) are reported as session updates; a moved next run
 * alone is not a change.
 */
final class ListingChanges {

    private ListingChanges() {
    }

    static List<JobChange> between(Map<String, Job> before, Collection<Job> after) {
        List<JobChange> changes = new ArrayList<>();
        for (Job now : after) {
            Job then = before.get(now.id());
            if (then == null) {
                changes.add(new JobChange(now.id(), now.eTag(), JobChangeKind.UPDATED, null));
                continue;
            }
            boolean eTagMoved = then.eTag() != null && now.eTag() != null && !then.eTag().equals(now.eTag());
            boolean settingsChanged = !then.configuration().equals(now.configuration());
            boolean runChanged = then.runStateDiffers(now);
            if (settingsChanged || (eTagMoved && !runChanged)) {
                changes.add(new JobChange(now.id(), now.eTag(), JobChangeKind.UPDATED, null));
            }
            if (runChanged) {
                changes.add(new JobChange(now.id(), now.eTag(), JobChangeKind.SESSION_UPDATED, now.lastStatus()));
            }
        }
        Set<String> present = after.stream().map(Job::id).collect(Collectors.toSet());
        before.keySet().stream().filter(id -> !present.contains(id)).sorted()
                .forEach(id -> changes.add(new JobChange(id, null, JobChangeKind.DELETED, null)));
        return changes;
    }
}
