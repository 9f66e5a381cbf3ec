package dev.vb365.operator.veeam;

/** Which list of a job's items a call works on. */
public enum ItemScope {
    SELECTED("SelectedItems"),
    EXCLUDED("ExcludedItems");

    private final String segment;

    ItemScope(String segment) {
        this.segment = segment;
    }

    String segment() {
        return segment;
    }
}
