package dev.vb365.simulator.store;

/** Which of a job's two item lists. */
public enum ItemList {
  SELECTED("SelectedItems", "JobSelectedItemsChange"),
  EXCLUDED("ExcludedItems", "JobExcludedItemsChange");

  private final String resource;
  private final String eventType;

  ItemList(String resource, String eventType) {
    this.resource = resource;
    this.eventType = eventType;
  }

  /** The path segment, e.g. SelectedItems. */
  public String resource() {
    return resource;
  }

  public String eventType() {
    return eventType;
  }
}
