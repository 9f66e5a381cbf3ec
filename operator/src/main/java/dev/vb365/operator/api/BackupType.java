package dev.vb365.operator.api;

public enum BackupType {
  SelectedItems,
  EntireOrganization
}
