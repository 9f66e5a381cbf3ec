package dev.vb365.operator.api;

/** What the operator does when the VB365 job was changed outside Kubernetes. */
public enum DriftPolicy {
  Correct,
  Report
}
