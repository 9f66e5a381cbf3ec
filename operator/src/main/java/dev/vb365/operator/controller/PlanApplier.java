package dev.vb365.operator.controller;

import dev.vb365.operator.api.BackupJob;
import dev.vb365.operator.feed.JobChangeFeed;
import dev.vb365.operator.mapping.ItemMapping;
import dev.vb365.operator.mapping.ItemObjects;
import dev.vb365.operator.mapping.JobMapping;
import dev.vb365.operator.sync.DesiredJob;
import dev.vb365.operator.sync.ItemNames;
import dev.vb365.operator.sync.Operation;
import dev.vb365.operator.sync.Plan;
import dev.vb365.operator.sync.Scope;
import dev.vb365.operator.veeam.ItemScope;
import dev.vb365.operator.veeam.VeeamClient;
import dev.vb365.operator.veeam.model.Job;
import java.util.stream.Collectors;

/**
 * The "apply" step: a plan's operations as VB365 calls, one call per operation, in the plan's
 * order, each announced by a Kubernetes Event. After a batch of writes one GET reads the job back,
 * whose eTag is the one "our own writes produced" (status.lastAppliedETag). A create is its own
 * step: its answer is the read-back, and the reconciler records the new id before anything else.
 */
final class PlanApplier {

  private final JobObserver observer;

  PlanApplier(JobObserver observer) {
    this.observer = observer;
  }

  /** One POST with the items inline; the answer is the new job. */
  Job create(VeeamClient client, JobSource source, Operation.CreateJob create, ItemObjects objects, BackupJob about,
      EventSink events) {
    DesiredJob desired = create.job();
    Job created;
    // runOnCreate rides on the create call (runNow): still one call, and no start of a job that exists already.
    boolean runNow = desired.enabled() && about.getSpec() != null
        && Boolean.TRUE.equals(about.getSpec().getRunOnCreate());
    try (JobChangeFeed.OwnWrite write = source.beginOwnWrite()) {
      created = client.createJob(JobMapping.newJob(desired, objects, runNow));
      source.remember(created);
    }
    observer.created(created, desired);
    events.normal(about, "JobCreated", "created VB365 job \"" + created.name() + "\" (id " + created.id() + ") with "
        + desired.selectedItems().size() + " selected and " + desired.excludedItems().size() + " excluded items"
        + (runNow ? ", and started it (runOnCreate)" : ""));
    return created;
  }

  /**
   * Every operation of the plan except a create, then one GET.
   *
   * @return the job as read back after the writes
   */
  Job apply(VeeamClient client, JobSource source, String jobId, Plan plan, ItemObjects objects, ItemNames names,
      BackupJob about, EventSink events) {
    long generation = observer.itemGeneration(jobId);
    try (JobChangeFeed.OwnWrite own = source.beginOwnWrite()) {
      for (Operation operation : plan.operations()) {
        write(client, jobId, operation, objects, names, plan, about, events);
      }
      Job readBack = client.getJob(jobId);
      source.remember(readBack);
      observer.written(readBack, itemsUntouched(plan), generation);
      return readBack;
    } catch (RuntimeException e) {
      observer.forget(jobId); // some writes may have happened: observe afresh next time
      throw e;
    }
  }

  private static void write(VeeamClient client, String jobId, Operation operation, ItemObjects objects,
      ItemNames names, Plan plan, BackupJob about, EventSink events) {
    if (operation instanceof Operation.UpdateJobSettings update) {
      client.editJob(jobId, JobMapping.edit(update, objects));
      String changed = plan.differences().stream()
          .filter(d -> !d.field().equals(Scope.Selected.specField()) && !d.field().equals(Scope.Excluded.specField()))
          .map(Object::toString).collect(Collectors.joining("; "));
      events.normal(about, "JobUpdated", operation.describe() + (changed.isEmpty() ? "" : ": " + changed));
    } else if (operation instanceof Operation.AddItems add) {
      client.addItems(jobId, scope(add.scope()), ItemMapping.toVeeam(add.items(), objects));
      events.normal(about, "ItemsAdded", add.describe(names));
    } else if (operation instanceof Operation.RemoveItems remove) {
      client.removeItems(jobId, scope(remove.scope()), remove.itemIds());
      events.normal(about, "ItemsRemoved", remove.describe(names));
    } else if (operation instanceof Operation.EditItem edit) {
      client.editItem(jobId, scope(edit.scope()), ItemMapping.toVeeam(edit.item(), objects, edit.itemId()));
      events.normal(about, "ItemEdited", edit.describe(names));
    } else if (operation instanceof Operation.EnableJob) {
      client.enableJob(jobId);
      events.normal(about, "JobEnabled", "enabled VB365 job " + jobId);
    } else if (operation instanceof Operation.DisableJob) {
      client.disableJob(jobId);
      events.normal(about, "JobDisabled", "disabled VB365 job " + jobId);
    } else {
      throw new IllegalStateException("not an update of an existing job: " + operation.describe());
    }
  }

  /** Whether the plan's writes leave both item lists as they were (a PUT without items, enable, disable). */
  static boolean itemsUntouched(Plan plan) {
    return plan.operations().stream().allMatch(op -> op instanceof Operation.EnableJob
        || op instanceof Operation.DisableJob
        || op instanceof Operation.UpdateJobSettings update && update.selectedItems().isEmpty());
  }

  static ItemScope scope(Scope scope) {
    return scope == Scope.Selected ? ItemScope.SELECTED : ItemScope.EXCLUDED;
  }
}
