package dev.vb365.operator.feed;

/**
 * Receives job changes on the feed's thread, in order. Keep it quick (enqueue a reconcile);
 * an exception is logged and does not stop the feed.
 */
@FunctionalInterface
public interface JobChangeListener {

    void onChange(JobChange change);
}
