package dev.vb365.operator.api;

/** What happens to the VB365 job when its BackupJob is deleted. */
public enum DeletionPolicy {
  Delete,
  Orphan
}
