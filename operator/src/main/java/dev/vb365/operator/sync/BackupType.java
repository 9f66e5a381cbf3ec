package dev.vb365.operator.sync;

public enum BackupType {
  SelectedItems,
  EntireOrganization
}
