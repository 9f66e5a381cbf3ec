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

/** A Veeam Backup for Microsoft 365 backup job, declared in Kubernetes. */
// The descriptions of the kind, its spec and its status are what `kubectl explain backupjob` shows first.
@JsonClassDescription("A Veeam Backup for Microsoft 365 (VB365) backup job, declared in Kubernetes: which "
    + "organization's users, groups, sites and teams it backs up, to which repository, and when. The vb365-operator "
    + "creates the job in VB365 (or adopts an existing one, spec.jobId) and keeps it as the spec says; JobItems in "
    + "the same namespace can add items to it. The status says what VB365 has and how its last run went.")
@Group(BackupJob.GROUP)
@Version(BackupJob.VERSION)
@Kind("BackupJob")
@Singular("backupjob")
@Plural("backupjobs")
@ShortNames("bj")
@Categories("vb365")
// The columns appear in this order (PrinterColumnOrder, at build time): the conditions, then what VB365 says of the
// job's runs, Age last as kubectl shows it for every kind; -o wide adds Reason and Job ID after Drifted.
@AdditionalPrinterColumn(name = "Ready", type = AdditionalPrinterColumn.Type.STRING,
    jsonPath = ".status.conditions[?(@.type=='Ready')].status")
@AdditionalPrinterColumn(name = "Synced", type = AdditionalPrinterColumn.Type.STRING,
    jsonPath = ".status.conditions[?(@.type=='Synced')].status")
@AdditionalPrinterColumn(name = "Drifted", type = AdditionalPrinterColumn.Type.STRING,
    jsonPath = ".status.conditions[?(@.type=='Drifted')].status")
@AdditionalPrinterColumn(name = "Reason", type = AdditionalPrinterColumn.Type.STRING,
    jsonPath = ".status.conditions[?(@.type=='Ready')].reason", priority = 1)
@AdditionalPrinterColumn(name = "Job ID", type = AdditionalPrinterColumn.Type.STRING, jsonPath = ".status.jobId",
    priority = 1)
@AdditionalPrinterColumn(name = "Last Status", type = AdditionalPrinterColumn.Type.STRING,
    jsonPath = ".status.lastStatus")
// A date: kubectl shows it as an age ("3h"), which is the question ("how long since the last good backup?").
@AdditionalPrinterColumn(name = "Last Backup", type = AdditionalPrinterColumn.Type.DATE,
    jsonPath = ".status.lastBackup")
// A string, not a date: kubectl shows date columns as an age, and a future time as <invalid>.
@AdditionalPrinterColumn(name = "Next Run", type = AdditionalPrinterColumn.Type.STRING, jsonPath = ".status.nextRun")
@AdditionalPrinterColumn(name = "Age", type = AdditionalPrinterColumn.Type.DATE,
    jsonPath = ".metadata.creationTimestamp")
public class BackupJob extends CustomResource<BackupJobSpec, BackupJobStatus> implements Namespaced {

  public static final String GROUP = "backup.vb365.dev";
  public static final String VERSION = "v1alpha1";

  // A spec that does not fit the model must not break the informer: see LenientSpec.
  @Override
  @com.fasterxml.jackson.databind.annotation.JsonDeserialize(using = LenientSpec.BackupJobSpecReader.class)
  public void setSpec(BackupJobSpec spec) {
    super.setSpec(spec);
  }

  @Override
  @com.fasterxml.jackson.databind.annotation.JsonSerialize(using = LenientSpec.Writer.class)
  @JsonPropertyDescription("The VB365 job as it should be. The operator changes VB365 to match it "
      + "(managementPolicy Managed), or only reports how VB365 differs (ObserveOnly); changes made in the VB365 "
      + "console are put back or reported, as driftPolicy says.")
  public BackupJobSpec getSpec() {
    return super.getSpec();
  }

  @Override
  @JsonPropertyDescription("Written by the operator: the VB365 job it manages (jobId, jobName), what VB365 reports "
      + "of its runs (lastStatus, lastRun, nextRun), its items, and the conditions Ready, Synced and Drifted.")
  public BackupJobStatus getStatus() {
    return super.getStatus();
  }
}
