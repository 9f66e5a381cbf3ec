package dev.vb365.operator.sync;

import dev.vb365.operator.api.BackupType;
import dev.vb365.operator.api.BackupJobSpec;
import java.util.Objects;

/**
 * The last, pure part of the resolve step: a BackupJob's spec plus what the reconciler resolved
 * (organization and repository ids, merged items) to a {@link DesiredJob}, with the spec's
 * defaults applied in one place.
 */
public final class DesiredJobMapper {

  private DesiredJobMapper() {
  }

  /**
   * The VB365 job name when spec.jobName is omitted: namespace and name, unique in the cluster, so
   * two namespaces' BackupJobs called "finance" do not fight over one VB365 name.
   */
  public static String defaultJobName(String namespace, String name) {
    return namespace + "-" + name;
  }

  public static String jobName(String namespace, String name, BackupJobSpec spec) {
    return spec.getJobName() != null ? spec.getJobName() : defaultJobName(namespace, name);
  }

  /**
   * @throws InvalidSpecException when the spec breaks a rule of the CRD (see {@link SpecValidation})
   */
  public static DesiredJob toDesired(String namespace, String name, BackupJobSpec spec, String organizationId,
      String repositoryId, DesiredItemsMerger.Result items) {
    Objects.requireNonNull(items, "items");
    InvalidSpecException.throwIfAny(SpecValidation.of(spec));
    return new DesiredJob(organizationId, repositoryId, jobName(namespace, name, spec), spec.getDescription(),
        backupType(spec), spec.getEnabled() == null || spec.getEnabled(),
        SchedulePolicyMapper.toDomain(spec.getSchedulePolicy()), items.selected(), items.excluded());
  }

  public static BackupType backupType(BackupJobSpec spec) {
    return spec.getBackupType() == null ? BackupType.SelectedItems : spec.getBackupType();
  }
}
