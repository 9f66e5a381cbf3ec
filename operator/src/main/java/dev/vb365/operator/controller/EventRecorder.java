package dev.vb365.operator.controller;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kubernetes Events (core v1) about BackupJobs: one per VB365 write and one per drift, so
 * `kubectl describe bj` tells what the operator did and when. Messages carry names, ids and counts,
 * never credentials. An Event that cannot be written is logged and otherwise ignored: it must not
 * fail a reconcile whose VB365 writes already happened.
 */
final class EventRecorder implements EventSink {

  /**
   * Events noted while a reconcile holds a VB365 server slot, written by {@link #flush()} after it
   * released the slot: the slot bounds VB365 requests, and a Kubernetes write must not keep it.
   */
  final class Deferred implements EventSink {
    private final java.util.List<Runnable> pending = new java.util.ArrayList<>();

    @Override
    public void normal(HasMetadata about, String reason, String message) {
      pending.add(() -> EventRecorder.this.normal(about, reason, message));
    }

    @Override
    public void warning(HasMetadata about, String reason, String message) {
      pending.add(() -> EventRecorder.this.warning(about, reason, message));
    }

    void flush() {
      pending.forEach(Runnable::run);
      pending.clear();
    }
  }

  Deferred deferred() {
    return new Deferred();
  }

  static final String COMPONENT = "vb365-operator";
  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);
  private static final int MAX_MESSAGE = 1024;

  private final KubernetesClient client;
  private final Clock clock;

  EventRecorder(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  @Override
  public void normal(HasMetadata about, String reason, String message) {
    record(about, "Normal", reason, message);
  }

  @Override
  public void warning(HasMetadata about, String reason, String message) {
    record(about, "Warning", reason, message);
  }

  private void record(HasMetadata about, String type, String reason, String message) {
    String now = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    String text = message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE - 3) + "...";
    Event event = new EventBuilder()
        .withNewMetadata()
        .withName(about.getMetadata().getName() + "." + Long.toHexString(System.currentTimeMillis())
            + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0xffff)))
        .withNamespace(about.getMetadata().getNamespace())
        .endMetadata()
        .withNewInvolvedObject()
        .withApiVersion(about.getApiVersion())
        .withKind(about.getKind())
        .withName(about.getMetadata().getName())
        .withNamespace(about.getMetadata().getNamespace())
        .withUid(about.getMetadata().getUid())
        .withResourceVersion(about.getMetadata().getResourceVersion())
        .endInvolvedObject()
        .withType(type)
        .withReason(reason)
        .withMessage(text)
        .withFirstTimestamp(now)
        .withLastTimestamp(now)
        .withCount(1)
        .withNewSource().withComponent(COMPONENT).endSource()
        .withReportingComponent(COMPONENT)
        .build();
    try {
      client.v1().events().inNamespace(about.getMetadata().getNamespace()).resource(event).create();
    } catch (KubernetesClientException e) {
      LOG.warn("Could not record Event {} for {}/{}: {}", reason, about.getMetadata().getNamespace(),
          about.getMetadata().getName(), e.getMessage());
    }
    LOG.info("{} {}/{}: {} {}", type, about.getMetadata().getNamespace(), about.getMetadata().getName(), reason, text);
  }
}
