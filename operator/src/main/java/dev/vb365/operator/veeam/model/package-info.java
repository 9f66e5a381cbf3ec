/**
 * The version-independent model of what the operator reads and writes on VB365: records with
 * {@code null} for what the server did not say, and open enums ({@link
 * dev.vb365.operator.veeam.model.WireValue}) whose {@code UNKNOWN} stands for values this client
 * does not know yet.
 */
package dev.vb365.operator.veeam.model;
