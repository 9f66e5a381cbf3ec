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

/** A VB365 backup copy job: the second copy of a BackupJob's backups, on archive object storage. */
@JsonClassDescription("A Veeam Backup for Microsoft 365 (VB365) backup copy job, declared in Kubernetes: it copies "
    + "the restore points of one BackupJob (spec.backupJobRef, same namespace) to an archive repository, on a "
    + "schedule. The vb365-operator creates the copy job once the BackupJob is Ready (or adopts the one VB365 has, "
    + "VB365 allows one per backup job) and keeps it as the spec says. The status says what VB365 has and how its "
    + "last run went.")
@Group(BackupJob.GROUP)
@Version(BackupJob.VERSION)
@Kind("BackupCopyJob")
@Singular("backupcopyjob")
@Plural("backupcopyjobs")
@ShortNames("bcj")
@Categories("vb365")
// The same columns as BackupJob's (PrinterColumnOrder keeps this order), with the BackupJob it copies.
@AdditionalPrinterColumn(name = "Backup Job", type = AdditionalPrinterColumn.Type.STRING,
    jsonPath = ".spec.backupJobRef.name")
@AdditionalPrinterColumn(name = "Ready", type = AdditionalPrinterColumn.Type.STRING,
    jsonPath = ".status.conditions[?(@.type=='Ready')].status")
@AdditionalPrinterColumn(name = "Synced", type = AdditionalPrinterColumn.Type.STRING,
    jsonPath = ".status.conditions[?(@.type=='Synced')].status")
@AdditionalPrinterColumn(name = "Drifted", type = AdditionalPrinterColumn.Type.STRING,
    jsonPath = ".status.conditions[?(@.type=='Drifted')].status")
@AdditionalPrinterColumn(name = "Reason", type = AdditionalPrinterColumn.Type.STRING,
    jsonPath = ".status.conditions[?(@.type=='Ready')].reason", priority = 1)
@AdditionalPrinterColumn(name = "Copy Job ID", type = AdditionalPrinterColumn.Type.STRING,
    jsonPath = ".status.copyJobId", priority = 1)
@AdditionalPrinterColumn(name = "Last Status", type = AdditionalPrinterColumn.Type.STRING,
    jsonPath = ".status.lastStatus")
@AdditionalPrinterColumn(name = "Last Backup", type = AdditionalPrinterColumn.Type.DATE,
    jsonPath = ".status.lastBackup")
@AdditionalPrinterColumn(name = "Next Run", type = AdditionalPrinterColumn.Type.STRING, jsonPath = ".status.nextRun")
@AdditionalPrinterColumn(name = "Age", type = AdditionalPrinterColumn.Type.DATE,
    jsonPath = ".metadata.creationTimestamp")
public class BackupCopyJob extends CustomResource<BackupCopyJobSpec, BackupCopyJobStatus> implements Namespaced {

  // A spec that does not fit the model must not break the informer: see LenientSpec.
  @Override
  @com.fasterxml.jackson.databind.annotation.JsonDeserialize(using = LenientSpec.BackupCopyJobSpecReader.class)
  public void setSpec(BackupCopyJobSpec spec) {
    super.setSpec(spec);
  }

  @Override
  @com.fasterxml.jackson.databind.annotation.JsonSerialize(using = LenientSpec.Writer.class)
  @JsonPropertyDescription("The VB365 backup copy job as it should be: which BackupJob it copies, to which archive "
      + "repository, when. The operator changes VB365 to match it (managementPolicy Managed), or only reports how "
      + "VB365 differs (ObserveOnly).")
  public BackupCopyJobSpec getSpec() {
    return super.getSpec();
  }

  @Override
  @JsonPropertyDescription("Written by the operator: the VB365 copy job it manages (copyJobId), what VB365 reports "
      + "of its runs (lastStatus, lastRun, nextRun, lastBackup), and the conditions Ready, Synced and Drifted.")
  public BackupCopyJobStatus getStatus() {
    return super.getStatus();
  }
}
