package dev.vb365.operator.controller;

import dev.vb365.operator.feed.JobChange;
import dev.vb365.operator.feed.JobChangeKind;
import dev.vb365.operator.feed.JobChangeListener;
import dev.vb365.operator.veeam.VeeamClient;
import dev.vb365.operator.veeam.VeeamException;
import dev.vb365.operator.veeam.model.Job;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Poll mode ({@code --feed poll}): the job list every interval (paged on v8), compared with the last
 * one. The change feed polls by itself only when the server has no {@code /Events}; this source polls
 * whatever the server offers, for servers whose change feed is not wanted. A job whose eTag,
 * settings or run state moved is reported UPDATED (SESSION_UPDATED when only its run state moved),
 * a job that vanished DELETED. Failures wait (doubling up to ten intervals) and never spin.
 */
final class PolledJobSource implements JobSource {

  private static final Logger LOG = LoggerFactory.getLogger(PolledJobSource.class);

  private final VeeamClient client;
  private final JobChangeListener listener;
  private final Duration interval;
  private final Map<String, Job> jobs = new ConcurrentHashMap<>();
  private final CountDownLatch firstSync = new CountDownLatch(1);
  private final CountDownLatch stop = new CountDownLatch(1);
  private Thread thread;

  PolledJobSource(VeeamClient client, JobChangeListener listener, Duration interval) {
    this.client = client;
    this.listener = listener;
    this.interval = interval;
  }

  @Override
  public synchronized void start() {
    if (thread != null) {
      throw new IllegalStateException("already started");
    }
    thread = new Thread(this::run, "vb365-job-poll");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    long failures = 0;
    while (stop.getCount() > 0) {
      Duration wait = interval;
      try {
        poll();
        failures = 0;
      } catch (VeeamException e) {
        failures++;
        wait = interval.multipliedBy(Math.min(10, 1L << Math.min(failures - 1, 4)));
        LOG.warn("Polling VB365 jobs failed: {}; next try in {} s", e.getMessage(), wait.toSeconds());
      } catch (RuntimeException e) {
        failures++;
        wait = interval.multipliedBy(Math.min(10, 1L << Math.min(failures - 1, 4)));
        LOG.error("Polling VB365 jobs failed unexpectedly; next try in {} s", wait.toSeconds(), e);
      }
      try {
        if (stop.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
          return;
        }
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** One listing compared with the last. Package-private for tests. */
  void poll() {
    List<Job> listed = client.listJobs();
    Map<String, Job> now = new HashMap<>();
    listed.forEach(j -> now.put(j.id(), j));
    Map<String, Job> before = Map.copyOf(jobs);
    jobs.putAll(now);
    jobs.keySet().retainAll(now.keySet());
    boolean first = firstSync.getCount() > 0;
    firstSync.countDown();
    if (first) {
      return; // the first listing is the baseline, not a change
    }
    for (Job job : now.values()) {
      Job was = before.get(job.id());
      boolean eTagMoved = was != null && !Objects.equals(was.eTag(), job.eTag());
      if (was == null || !was.configuration().equals(job.configuration())
          || (eTagMoved && !job.runStateDiffers(was))) {
        emit(new JobChange(job.id(), job.eTag(), JobChangeKind.UPDATED, null));
      } else if (job.runStateDiffers(was) || eTagMoved) {
        emit(new JobChange(job.id(), job.eTag(), JobChangeKind.SESSION_UPDATED, job.lastStatus()));
      }
    }
    before.keySet().stream().filter(id -> !now.containsKey(id))
        .forEach(id -> emit(new JobChange(id, null, JobChangeKind.DELETED, null)));
  }

  private void emit(JobChange change) {
    try {
      listener.onChange(change);
    } catch (RuntimeException e) {
      LOG.error("Job change listener failed on {}", change, e);
    }
  }

  @Override
  public Collection<Job> jobs() {
    return List.copyOf(jobs.values());
  }

  @Override
  public Optional<Job> job(String jobId) {
    return Optional.ofNullable(jobs.get(jobId));
  }

  @Override
  public boolean hasSynced() {
    return firstSync.getCount() == 0;
  }

  @Override
  public boolean awaitSynced(Duration timeout) throws InterruptedException {
    return firstSync.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    stop.countDown();
    Thread running;
    synchronized (this) {
      running = thread;
    }
    if (running != null && running != Thread.currentThread()) {
      running.interrupt();
      try {
        running.join(TimeUnit.SECONDS.toMillis(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
