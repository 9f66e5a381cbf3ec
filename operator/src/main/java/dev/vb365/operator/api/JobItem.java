package dev.vb365.operator.api;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/** One item added to a BackupJob, so another team can add to a job it does not own. */
// The descriptions of the kind, its spec and its status are what `kubectl explain jobitem` shows first.
@JsonClassDescription("One item of a BackupJob in the same namespace, declared apart from it: a user, group, site, "
    + "team or organization-wide item to back up (scope Selected) or to leave out (Excluded), so that a team can add "
    + "to a job it does not own. The operator merges it into the BackupJob's items; deleting it removes the item.")
@Group(BackupJob.GROUP)
@Version(BackupJob.VERSION)
@Kind("JobItem")
@Singular("jobitem")
@Plural("jobitems")
@ShortNames("ji")
@Categories("vb365")
// In this order (PrinterColumnOrder, at build time), Age last as kubectl shows it for every kind.
@AdditionalPrinterColumn(name = "Job", type = AdditionalPrinterColumn.Type.STRING, jsonPath = ".spec.jobRef.name")
@AdditionalPrinterColumn(name = "Scope", type = AdditionalPrinterColumn.Type.STRING, jsonPath = ".spec.scope")
@AdditionalPrinterColumn(name = "Type", type = AdditionalPrinterColumn.Type.STRING, jsonPath = ".spec.type")
@AdditionalPrinterColumn(name = "Ready", type = AdditionalPrinterColumn.Type.STRING,
    jsonPath = ".status.conditions[?(@.type=='Ready')].status")
@AdditionalPrinterColumn(name = "Reason", type = AdditionalPrinterColumn.Type.STRING,
    jsonPath = ".status.conditions[?(@.type=='Ready')].reason", priority = 1)
@AdditionalPrinterColumn(name = "Item ID", type = AdditionalPrinterColumn.Type.STRING, jsonPath = ".status.itemId",
    priority = 1)
@AdditionalPrinterColumn(name = "Age", type = AdditionalPrinterColumn.Type.DATE,
    jsonPath = ".metadata.creationTimestamp")
public class JobItem extends CustomResource<JobItemSpec, JobItemStatus> implements Namespaced {
  // A spec that does not fit the model must not break the informer: see LenientSpec.
  @Override
  @com.fasterxml.jackson.databind.annotation.JsonDeserialize(using = LenientSpec.JobItemSpecReader.class)
  public void setSpec(JobItemSpec spec) {
    super.setSpec(spec);
  }

  @Override
  @com.fasterxml.jackson.databind.annotation.JsonSerialize(using = LenientSpec.Writer.class)
  @JsonPropertyDescription("The BackupJob (jobRef), the list (scope) and the item, written as an entry of the "
      + "BackupJob's selectedItems or excludedItems.")
  public JobItemSpec getSpec() {
    return super.getSpec();
  }

  @Override
  @JsonPropertyDescription("Written by the operator: whether the item is in the VB365 job as declared (the Ready "
      + "condition, or why not), the job's id and the item's VB365 id.")
  public JobItemStatus getStatus() {
    return super.getStatus();
  }
}
