package dev.vb365.operator.api;

/** Whether the operator may write to VB365 for this BackupJob. */
public enum ManagementPolicy {
  Managed,
  ObserveOnly
}
