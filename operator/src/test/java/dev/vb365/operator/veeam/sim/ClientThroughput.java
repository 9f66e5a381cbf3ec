package dev.vb365.operator.veeam.sim;

import dev.vb365.operator.veeam.Secret;
import dev.vb365.operator.veeam.VeeamClient;
import dev.vb365.operator.veeam.VeeamClientOptions;
import dev.vb365.operator.veeam.VeeamConnection;
import dev.vb365.operator.veeam.model.BackupType;
import dev.vb365.operator.veeam.model.JobItem;
import dev.vb365.operator.veeam.model.NewJob;
import dev.vb365.simulator.Simulator;
import dev.vb365.simulator.SimulatorOptions;
import dev.vb365.simulator.testsupport.DefaultFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * A measurement, not a test (it asserts nothing and is not run by the build): how many
 * {@code GET /v8/Jobs/{jobId}} per second one client gets through against the in-process simulator
 * over HTTPS, with 1 and with 4 threads. No contract check or DEBUG logging on the way: it measures
 * the client. Run by hand:
 *
 * <pre>
 * mvn -q -pl operator -am test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt \
 *     -Dmdep.includeScope=test
 * java -cp operator/target/test-classes:operator/target/classes:$(cat /tmp/cp.txt) \
 *     dev.vb365.operator.veeam.sim.ClientThroughput [seconds per run, default 10]
 * </pre>
 * (In one reactor run, the class path names the simulator's target/classes and target/test-classes.)
 * Measured on the 2-core shared build machine under a load average of 5 to 9: 359 and 475 requests/s
 * with 1 thread, 1452 and 1867 with 4 (no failures; the simulator counted every call).
 */
public final class ClientThroughput {

    private ClientThroughput() {
    }

    public static void main(String[] args) throws InterruptedException {
        Duration run = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 10);
        try (Simulator sim = Simulator.start(SimulatorOptions.defaults())) {
            VeeamConnection connection = VeeamConnection.of(sim.baseUri().toString(), sim.username(),
                    Secret.of(sim.password())).withCaBundleFile(sim.caCertificateFile());
            VeeamClient client = VeeamClient.create(connection, VeeamClientOptions.defaults());
            String jobId = client.createJob(new NewJob("Throughput", "", DefaultFixture.CONTOSO,
                    DefaultFixture.DEFAULT_REPOSITORY, BackupType.SELECTED_ITEMS, null, null, null,
                    List.of(JobItem.personalSites()), List.of())).id();
            System.out.printf("JVM %s, %d processors, simulator %s%n", System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors(), sim.baseUri());
            measure(client, jobId, 1, Duration.ofSeconds(2)); // warm-up: JIT, TLS sessions, connection pool
            for (int threads : new int[] {1, 4}) {
                sim.resetRequestCounts();
                Result result = measure(client, jobId, threads, run);
                Map<String, Long> seen = sim.requestCounts();
                System.out.printf("%d thread(s): %d GET /v8/Jobs/{jobId} in %.1f s = %.0f requests/s "
                        + "(simulator counted %s; failures %d)%n", threads, result.calls, result.seconds,
                        result.calls / result.seconds, seen, result.failures);
            }
        }
    }

    record Result(long calls, long failures, double seconds) {
    }

    static Result measure(VeeamClient client, String jobId, int threads, Duration duration)
            throws InterruptedException {
        LongAdder calls = new LongAdder();
        LongAdder failures = new LongAdder();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> workers = new ArrayList<>();
        long started = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                while (!stop.get()) {
                    try {
                        client.getJob(jobId);
                        calls.increment();
                    } catch (RuntimeException e) {
                        failures.increment();
                    }
                }
            }, "throughput-" + t);
            workers.add(worker);
            worker.start();
        }
        Thread.sleep(duration.toMillis());
        stop.set(true);
        for (Thread worker : workers) {
            worker.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Result(calls.sum(), failures.sum(), seconds);
    }
}
