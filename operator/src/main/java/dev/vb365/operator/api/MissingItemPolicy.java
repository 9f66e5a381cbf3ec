package dev.vb365.operator.api;

/** What the operator does with an item of the VB365 job whose object left the directory. */
public enum MissingItemPolicy {
  /** Leave the item in the VB365 job (its backups go on being kept) and report it. */
  Keep,
  /** Remove the item from the VB365 job, unless that would leave a SelectedItems job without items. */
  Remove
}
