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
    DIRECTORY_OBJECT_CHANGED,
    /** A backup copy job changed, ran or went away (v8 events with jobType Copy); jobId is the copy job's id. */
    COPY_JOB_CHANGED,
    /**
     * The feed listed the jobs afresh (at its start, after it lost its place, and at each poll of the polling mode):
     * copy job changes since its last report may have gone unseen. jobId is null.
     */
    COPY_JOBS_UNSEEN
}
