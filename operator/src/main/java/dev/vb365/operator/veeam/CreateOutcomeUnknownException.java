package dev.vb365.operator.veeam;

/**
 * A job create whose outcome is unknown. Before creating again, look for the job:
 * {@code client.findJobsByName(organizationId(), jobName())}.
 */
public final class CreateOutcomeUnknownException extends OutcomeUnknownException {

    private final String organizationId;
    private final String jobName;

    public CreateOutcomeUnknownException(Endpoint endpoint, String organizationId, String jobName,
            VeeamException cause) {
        super(endpoint, "the job '" + jobName + "' may or may not have been created in organization "
                + organizationId + "; look it up before creating it again", cause);
        this.organizationId = organizationId;
        this.jobName = jobName;
    }

    public String organizationId() {
        return organizationId;
    }

    public String jobName() {
        return jobName;
    }
}
