package dev.vb365.operator.feed;

/** What changed about a job. */
public enum JobChangeKind {
    /** The job appeared or its settings (or its eTag) changed. */
    UPDATED,
    /** The job is gone. */
    DELETED,
    /** Its selected or excluded items changed. */
    ITEMS_CHANGED,
    /** A run started, progressed or ended: last status, last run or last backup changed. */
    SESSION_UPDATED,
    /** A user, group, site or team of an organization changed or went away (v8 events); jobId is the organization's id. */
    DIRECTORY_CHANGED,
    /** One user, group, site or team changed or went away (v8 events); jobId is that object's id. */
    DIRECTORY_OBJECT_CHANGED
}
