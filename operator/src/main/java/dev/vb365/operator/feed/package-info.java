/**
 * The change feed over one VB365 server's backup jobs: {@link dev.vb365.operator.feed.JobChangeFeed}
 * keeps a snapshot of the jobs (the operator's observed-state cache) and reports each change as a
 * {@link dev.vb365.operator.feed.JobChange} to a listener (typically: enqueue the reconcile of the
 * BackupJob that owns the job id).
 */
package dev.vb365.operator.feed;
