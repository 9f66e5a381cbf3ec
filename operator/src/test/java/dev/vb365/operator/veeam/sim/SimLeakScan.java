package dev.vb365.operator.veeam.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.vb365.operator.veeam.LogCapture;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The leak scan of the client tests against the simulator: while a test class runs, everything the
 * client, the change feed and the simulator log is captured at DEBUG (so the per-request lines are
 * in), and afterwards none of it, nor any exception the tests caught through {@link #failure}, may
 * contain the password or any token the simulator issued ({@link ContractCheck} records each one as
 * it passes by). The DEBUG lines are kept off the console: thousands of requests would drown it.
 */
public final class SimLeakScan implements BeforeAllCallback, AfterAllCallback {

    private static final Set<String> SECRETS = Collections.synchronizedSet(new HashSet<>());
    private static final List<Throwable> CAUGHT = Collections.synchronizedList(new ArrayList<>());

    private LogCapture capture;

    /** A value that must never be logged (tokens are added by {@link ContractCheck}). */
    public static void secret(String value) {
        if (value != null && value.length() >= 4) {
            SECRETS.add(value);
            dev.vb365.operator.secretscan.SuiteRecord.secret(value);
        }
    }

    /** Runs {@code call}, which must throw {@code type}; returns the exception and queues it for the scan. */
    public static <T extends Throwable> T failure(Class<T> type, ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("expected %s", type.getSimpleName()).isInstanceOf(type);
        CAUGHT.add(thrown);
        return type.cast(thrown);
    }

    /** Queues an exception caught some other way for the scan. */
    public static void scanned(Throwable thrown) {
        CAUGHT.add(thrown);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        capture = LogCapture.start(false);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        List<ILoggingEvent> events = capture.stop();
        List<Throwable> caught;
        synchronized (CAUGHT) {
            caught = List.copyOf(CAUGHT);
            CAUGHT.clear();
        }
        List<String> texts = LogCapture.texts(events, caught);
        Set<String> secrets;
        synchronized (SECRETS) {
            secrets = new HashSet<>(SECRETS);
        }
        secrets.add(SimBackend.PASSWORD);

        assertThat(events).as("the scan must see the client's per-request DEBUG lines")
                .anyMatch(e -> e.getFormattedMessage().matches("VB365 POST /v[678]/token -> 200 .*"));
        assertThat(secrets).as("tokens captured from the token responses").hasSizeGreaterThan(1);
        List<String> leaks = LogCapture.leaks(texts, secrets);
        assertThat(leaks).as("log lines or exception texts containing the password or a token (%d log events, "
                + "%d exceptions, %d secrets scanned in %s)", events.size(), caught.size(), secrets.size(),
                context.getDisplayName()).isEmpty();
    }
}
