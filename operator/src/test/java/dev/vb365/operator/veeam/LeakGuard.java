package dev.vb365.operator.veeam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.spi.ILoggingEvent;
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
 * Captures everything the operator's code logs (at DEBUG, so the per-request lines are included)
 * while a test class runs, plus every exception the tests caught through {@link #failure}, and fails
 * the class if any of it contains the test password or a token the fake server issued.
 */
public final class LeakGuard implements BeforeAllCallback, AfterAllCallback {

    private static final List<Throwable> CAUGHT = Collections.synchronizedList(new ArrayList<>());
    private static final Set<String> EXTRA_SECRETS = Collections.synchronizedSet(new HashSet<>());

    private LogCapture capture;

    /** Runs {@code call}, which must throw; returns the exception and queues it for the leak scan. */
    public static <T extends Throwable> T failure(Class<T> type, ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("expected %s", type.getSimpleName()).isInstanceOf(type);
        CAUGHT.add(thrown);
        return type.cast(thrown);
    }

    /** Adds a value that must never appear (e.g. a token scripted by hand). */
    public static void secret(String value) {
        EXTRA_SECRETS.add(value);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        capture = LogCapture.start(true);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        List<ILoggingEvent> events = capture.stop();
        List<Throwable> caught;
        synchronized (CAUGHT) {
            caught = List.copyOf(CAUGHT);
            CAUGHT.clear();
        }
        List<String> leaks = scan(LogCapture.texts(events, caught));
        assertThat(leaks).as("log lines or exception texts containing a password or token (%d logs, %d exceptions "
                + "scanned in %s)", events.size(), caught.size(), context.getDisplayName()).isEmpty();
    }

    /** The texts that contain a secret, with the secret blanked out (so the report leaks nothing). */
    static List<String> scan(List<String> texts) {
        Set<String> secrets = new HashSet<>(FakeVeeam.ISSUED_SECRETS);
        secrets.add(FakeVeeam.PASSWORD);
        synchronized (EXTRA_SECRETS) {
            secrets.addAll(EXTRA_SECRETS);
        }
        dev.vb365.operator.secretscan.SuiteRecord.secrets(secrets); // for the suite-wide scan too
        return LogCapture.leaks(texts, secrets);
    }
}
