package dev.vb365.operator.controller;

import dev.vb365.operator.feed.FeedOptions;
import dev.vb365.operator.feed.JobChangeFeed;
import dev.vb365.operator.feed.JobChangeListener;
import dev.vb365.operator.veeam.VeeamClient;
import dev.vb365.operator.veeam.model.Job;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;

/**
 * The change feed ({@code /v8/Events}, or the feed's own polling on v6/v7) as a {@link JobSource}.
 */
final class FeedJobSource implements JobSource {

  private final JobChangeFeed feed;

  FeedJobSource(VeeamClient client, JobChangeListener listener, FeedOptions options) {
    this.feed = new JobChangeFeed(client, listener, options);
  }

  @Override
  public void start() {
    feed.start();
  }

  @Override
  public Collection<Job> jobs() {
    return feed.snapshot().values();
  }

  @Override
  public Optional<Job> job(String jobId) {
    return feed.job(jobId);
  }

  @Override
  public boolean hasSynced() {
    return feed.hasSynced();
  }

  @Override
  public boolean awaitSynced(Duration timeout) throws InterruptedException {
    return feed.awaitSynced(timeout);
  }

  @Override
  public JobChangeFeed.OwnWrite beginOwnWrite() {
    return feed.beginOwnWrite();
  }

  @Override
  public void remember(Job job) {
    feed.remember(job);
  }

  @Override
  public void close() {
    feed.close();
  }
}
