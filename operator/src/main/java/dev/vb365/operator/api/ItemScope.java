package dev.vb365.operator.api;

/** Which list of the job a JobItem goes to. */
public enum ItemScope {
  Selected,
  Excluded
}
