package dev.vb365.operator.sync;

import dev.vb365.operator.api.BackupItemSpec;
import dev.vb365.operator.api.BackupJobSpec;
import dev.vb365.operator.api.BackupType;
import dev.vb365.operator.api.ConnectionSpec;
import dev.vb365.operator.api.JobItemSpec;
import dev.vb365.operator.api.NamedReference;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Every rule of the CRD schema and its CEL validations, in Java. A real API server rejects a bad
 * spec before the operator sees it; the mock API server and clusters without CEL do not, and an
 * invalid spec must become a clear, terminal condition instead of a VB365 error. Paths start at
 * "spec".
 */
public final class SpecValidation {

  private static final Pattern DNS_NAME = Pattern.compile("^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$");
  private static final Pattern JOB_ID = Pattern.compile(
      "^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})?$");
  private static final Pattern TRIMMED = Pattern.compile("^\\S(.*\\S)?$", Pattern.DOTALL);
  static final int MAX_ITEMS = 5000;

  private SpecValidation() {
  }

  public static List<FieldError> of(BackupJobSpec spec) {
    List<FieldError> errors = new ArrayList<>();
    if (spec == null) {
      errors.add(new FieldError("spec", "required"));
      return errors;
    }
    if (spec.unreadable() != null) {
      spec.unreadable().problems().forEach(p -> errors.add(new FieldError(p.path(), p.problem())));
      return errors;
    }
    connection(errors, spec.getConnection());
    reference(errors, "spec.organization", spec.getOrganization());
    reference(errors, "spec.repository", spec.getRepository());
    if (spec.getJobName() != null && (spec.getJobName().length() > 255 || !TRIMMED.matcher(spec.getJobName()).matches())) {
      errors.add(new FieldError("spec.jobName", "must be 1 to 255 characters without leading or trailing spaces"));
    }
    if (spec.getDescription() != null && spec.getDescription().length() > 1024) {
      errors.add(new FieldError("spec.description", "must be at most 1024 characters"));
    }
    if (spec.getJobId() != null && !JOB_ID.matcher(spec.getJobId()).matches()) {
      errors.add(new FieldError("spec.jobId", "\"" + spec.getJobId() + "\" is not a VB365 job id (a GUID) or empty"));
    }
    items(errors, "spec.selectedItems", spec.getSelectedItems());
    items(errors, "spec.excludedItems", spec.getExcludedItems());
    if (spec.getBackupType() == BackupType.EntireOrganization && spec.getSelectedItems() != null
        && !spec.getSelectedItems().isEmpty()) {
      errors.add(new FieldError("spec.selectedItems", "backupType EntireOrganization backs up the whole organization: "
          + "leave selectedItems empty (use excludedItems to leave things out)"));
    }
    try {
      SchedulePolicyMapper.toDomain(spec.getSchedulePolicy());
    } catch (InvalidSpecException e) {
      errors.addAll(e.errors());
    }
    return errors;
  }

  public static List<FieldError> of(JobItemSpec spec) {
    List<FieldError> errors = new ArrayList<>();
    if (spec == null) {
      errors.add(new FieldError("spec", "required"));
      return errors;
    }
    if (spec.unreadable() != null) {
      spec.unreadable().problems().forEach(p -> errors.add(new FieldError(p.path(), p.problem())));
      return errors;
    }
    if (spec.getJobRef() == null || spec.getJobRef().getName() == null) {
      errors.add(new FieldError("spec.jobRef.name", "required: the name of a BackupJob in this namespace"));
    } else if (!DNS_NAME.matcher(spec.getJobRef().getName()).matches()) {
      errors.add(new FieldError("spec.jobRef.name", "\"" + spec.getJobRef().getName()
          + "\" is not a Kubernetes object name"));
    }
    ItemSpecMapper.validate(spec).forEach(e -> errors.add(e.under("spec")));
    return errors;
  }

  private static void connection(List<FieldError> errors, ConnectionSpec connection) {
    if (connection == null) {
      return;
    }
    if (connection.getSecretRef() == null || connection.getSecretRef().getName() == null) {
      errors.add(new FieldError("spec.connection.secretRef.name", "required: a Secret in this namespace"));
    } else if (!DNS_NAME.matcher(connection.getSecretRef().getName()).matches()) {
      errors.add(new FieldError("spec.connection.secretRef.name", "\"" + connection.getSecretRef().getName()
          + "\" is not a Kubernetes object name"));
    }
  }

  static void reference(List<FieldError> errors, String path, NamedReference ref) {
    if (ref == null) {
      errors.add(new FieldError(path, "required: {name: ...} or {id: ...}"));
      return;
    }
    if ((ref.getName() == null) == (ref.getId() == null)) {
      errors.add(new FieldError(path, "set exactly one of name or id"));
    }
    if (ref.getName() != null && ref.getName().isBlank()) {
      errors.add(new FieldError(path + ".name", "cannot be empty"));
    }
    if (ref.getId() != null && ref.getId().isBlank()) {
      errors.add(new FieldError(path + ".id", "cannot be empty"));
    }
  }

  private static void items(List<FieldError> errors, String path, List<BackupItemSpec> items) {
    if (items == null) {
      return;
    }
    if (items.size() > MAX_ITEMS) {
      errors.add(new FieldError(path, "at most " + MAX_ITEMS + " items; use groups or JobItems"));
    }
    java.util.Map<ItemReference, Integer> seen = new java.util.HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      String itemPath = path + "[" + i + "]";
      List<FieldError> itemErrors = ItemSpecMapper.validate(items.get(i));
      itemErrors.forEach(e -> errors.add(e.under(itemPath)));
      if (itemErrors.isEmpty() && items.get(i).getMatch() == null) {
        // The same object twice in one list is a copy-paste slip VB365 would reject or merge
        // silently; whichever options the user meant, one of the two entries is not what they get.
        ItemReference ref = ItemSpecMapper.reference(items.get(i));
        Integer first = seen.putIfAbsent(ref, i);
        if (first != null && !ref.isSingleton()) {
          errors.add(new FieldError(itemPath, "names the same " + ref.type().name().toLowerCase(java.util.Locale.ROOT)
              + " as " + path + "[" + first + "] (\"" + ref.value() + "\"): list each item once"));
        }
      }
    }
  }
}
