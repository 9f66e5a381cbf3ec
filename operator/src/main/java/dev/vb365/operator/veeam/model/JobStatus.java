package dev.vb365.operator.veeam.model;

/** Status of a job's last run or of a job session. */
public enum JobStatus implements WireValue {
    STOPPED("Stopped"),
    RUNNING("Running"),
    SUCCESS("Success", "Succeeded"),
    FAILED("Failed"),
    WARNING("Warning"),
    NOT_CONFIGURED("NotConfigured"),
    DISCONNECTED("Disconnected"),
    QUEUED("Queued"),
    UNKNOWN(null);

    private final String wireName;
    private final String[] aliases;

    JobStatus(String wireName, String... aliases) {
        this.wireName = wireName;
        this.aliases = aliases;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    @Override
    public String[] aliases() {
        return aliases.clone();
    }
}
