package dev.vb365.operator.controller;

import dev.vb365.operator.feed.JobChangeFeed;
import dev.vb365.operator.veeam.model.Job;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;

/**
 * One VB365 server's jobs as last seen, kept current in the background and reporting changes to a
 * listener: the v8 change feed ({@link dev.vb365.operator.feed.JobChangeFeed}) or, in poll mode,
 * the change feed listing the jobs every interval ({@code --feed poll}). The reconciler reads observed jobs from it instead of asking VB365.
 */
interface JobSource extends AutoCloseable {

  void start();

  /** The jobs as last seen (empty until {@link #hasSynced()}). */
  Collection<Job> jobs();

  Optional<Job> job(String jobId);

  boolean hasSynced();

  boolean awaitSynced(Duration timeout) throws InterruptedException;

  /**
   * Marks the start of one of the operator's own writes; close it after {@link #remember}ing the
   * answer. Lets the change feed take the write's answer instead of reading the job back.
   */
  default JobChangeFeed.OwnWrite beginOwnWrite() {
    return () -> { };
  }

  /** A job as the operator's own write returned it (a create's answer, a read-back after edits). */
  default void remember(Job job) {
  }

  @Override
  void close();
}
