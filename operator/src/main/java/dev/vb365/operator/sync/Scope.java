package dev.vb365.operator.sync;

/** The two item lists of a VB365 job. */
public enum Scope {
  Selected("selectedItems"),
  Excluded("excludedItems");

  private final String specField;

  Scope(String specField) {
    this.specField = specField;
  }

  /** Name of the list in the BackupJob spec, used in messages users read. */
  public String specField() {
    return specField;
  }
}
