package dev.vb365.operator.veeam.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vb365.operator.veeam.ApiVersion;
import dev.vb365.operator.veeam.RetryPolicy;
import dev.vb365.operator.veeam.Secret;
import dev.vb365.operator.veeam.VeeamClient;
import dev.vb365.operator.veeam.VeeamClientOptions;
import dev.vb365.operator.veeam.VeeamConnection;
import dev.vb365.simulator.Faults;
import dev.vb365.simulator.Simulator;
import dev.vb365.simulator.SimulatorOptions;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;
import okhttp3.OkHttpClient;

/**
 * A simulator serving one API version in-process over HTTPS (its own CA, host names verified), and
 * clients for it whose every exchange passes through a {@link ContractCheck}. Credentials are not the
 * simulator's defaults so that the leak scan can tell the password from the user name.
 */
public final class SimBackend implements AutoCloseable {

    public static final String USERNAME = "vb365-operator";
    public static final String PASSWORD = "S1m-Pa55w0rd-7f3a";
    /** Quick retries: the tests wait for them. */
    public static final RetryPolicy QUICK_RETRIES = new RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(100),
            Duration.ofSeconds(10), Duration.ofSeconds(5));

    private final ApiVersion version;
    private final Simulator sim;
    private final ContractCheck contract;
    private final OkHttpClient http;

    private SimBackend(ApiVersion version, Simulator sim) {
        this.version = version;
        this.sim = sim;
        this.contract = new ContractCheck(version.segment());
        this.http = new OkHttpClient.Builder().addInterceptor(contract).build();
    }

    /** Sessions stay Running for 300 ms, so a test can watch a run start and end. */
    public static SimBackend start(ApiVersion version) {
        return start(version, o -> o);
    }

    public static SimBackend start(ApiVersion version, UnaryOperator<SimulatorOptions> tweak) {
        SimulatorOptions options = SimulatorOptions.defaults()
                .withApiVersion(dev.vb365.simulator.ApiVersion.parse(version.segment()))
                .withCredentials(USERNAME, PASSWORD)
                .withSessionDuration(Duration.ofMillis(300));
        return new SimBackend(version, Simulator.start(tweak.apply(options)));
    }

    public ApiVersion version() {
        return version;
    }

    /** The version segment, e.g. "v8", as the simulator's request counts spell it. */
    public String v() {
        return version.segment();
    }

    public Simulator sim() {
        return sim;
    }

    public ContractCheck contract() {
        return contract;
    }

    public VeeamConnection connection() {
        return VeeamConnection.of(sim.baseUri().toString(), sim.username(), Secret.of(sim.password()))
                .withCaBundleFile(sim.caCertificateFile());
    }

    /** Quick retries, every exchange checked against the spec; all other options the defaults. */
    public VeeamClientOptions options() {
        return VeeamClientOptions.defaults().withBaseHttpClient(http).withRetryPolicy(QUICK_RETRIES);
    }

    public VeeamClient client() {
        return VeeamClient.create(connection(), options());
    }

    public VeeamClient client(UnaryOperator<VeeamClientOptions> tweak) {
        return VeeamClient.create(connection(), tweak.apply(options()));
    }

    /** The API calls {@code operation} cost, as the simulator counted them ("METHOD template": n). */
    public Map<String, Long> cost(Runnable operation) {
        sim.resetRequestCounts();
        operation.run();
        return sim.requestCounts();
    }

    public void faults(Faults faults) {
        sim.setFaults(faults);
    }

    public void clearFaults() {
        sim.setFaults(Faults.NONE);
    }

    /** Fails when any exchange so far broke the spec; also checks that exchanges were checked at all. */
    public void assertContractKept() {
        assertThat(contract.checked()).as("exchanges checked against the %s spec", v()).isPositive();
        assertThat(contract.problems()).as("exchanges that do not conform to the %s spec", v()).isEmpty();
    }

    @Override
    public void close() {
        dev.vb365.operator.secretscan.SuiteRecord.secret(sim.password());
        dev.vb365.operator.secretscan.SuiteRecord.secrets(sim.issuedTokens());
        sim.close();
    }
}
