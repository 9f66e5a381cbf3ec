package dev.vb365.operator.controller;

import dev.vb365.operator.sync.DesiredJob;
import dev.vb365.operator.sync.ObservedJob;

/**
 * What the VB365 side of a reconcile came to, for the report: the decision taken, what was resolved and desired,
 * the job as VB365 has it now (after this reconcile's writes), and what the status needs besides.
 *
 * @param decision what was decided
 * @param resolution the spec's names as VB365 ids
 * @param desired the job the spec asks for
 * @param observation the job as observed (after a create: as created), with the item ids known so far
 * @param result the job as the status describes it, or null when there is none
 * @param wrote this reconcile changed the job in VB365
 * @param vanished the job the status named was gone (and, if Managed, was created again)
 * @param planInSync the plan had nothing to do
 * @param planSummary the plan's differences in words
 * @param lastApplied the version of the job after this reconcile's writes, or null when it wrote nothing
 * @param itemGeneration the job's item generation when it was observed (or created)
 */
record SyncOutcome(Decision decision, ReferenceResolver.Resolution resolution, DesiredJob desired,
    JobObserver.Observation observation, ObservedJob result, boolean wrote, boolean vanished, boolean planInSync,
    String planSummary, String lastApplied, long itemGeneration) {
}
