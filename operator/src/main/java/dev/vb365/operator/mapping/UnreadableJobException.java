package dev.vb365.operator.mapping;

/**
 * A job (or item) VB365 reported in a shape the operator cannot turn into its domain model, e.g.
 * an unknown backup type. Not a parse error of the client: the JSON was fine, its meaning is not
 * known. The reconciler reports it and writes nothing to that job.
 */
public class UnreadableJobException extends RuntimeException {

  private final String reason;

  public UnreadableJobException(String reason) {
    super("the VB365 job cannot be read: " + reason);
    this.reason = reason;
  }

  /** What is wrong, without the "cannot be read" preamble. */
  public String reason() {
    return reason;
  }
}
