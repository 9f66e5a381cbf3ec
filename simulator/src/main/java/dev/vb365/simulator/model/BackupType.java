package dev.vb365.simulator.model;

/** RESTJob.backupType. */
public enum BackupType {
  EntireOrganization, SelectedItems
}
