package dev.vb365.operator.controller;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** Where Events go: written at once ({@link EventRecorder}), or held back until a VB365 server slot is released. */
interface EventSink {
  void normal(HasMetadata about, String reason, String message);

  void warning(HasMetadata about, String reason, String message);
}
