package dev.vb365.operator.api;

/** A directory group's kind, as VB365 reports it (RESTGroup.type). */
public enum GroupType {
  Office365,
  Security,
  Distribution,
  DynamicDistribution
}
