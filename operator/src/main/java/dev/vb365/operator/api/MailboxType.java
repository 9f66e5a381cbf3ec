package dev.vb365.operator.api;

/** A directory user's kind, as VB365 reports it (RESTUser.type). */
public enum MailboxType {
  User,
  Shared,
  Public
}
