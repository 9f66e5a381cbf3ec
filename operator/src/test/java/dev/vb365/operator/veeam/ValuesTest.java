package dev.vb365.operator.veeam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vb365.operator.veeam.model.JobStatus;
import dev.vb365.operator.veeam.model.OpenEnum;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The small values: secrets, connections as cache keys, the backoff, open enums, wire helpers. */
class ValuesTest {

    @Test
    void aSecretNeverShowsItselfAndComparesByContent() {
        Secret secret = Secret.of("hunter2");

        assertThat(secret).hasToString("***").isEqualTo(Secret.of("hunter2")).isNotEqualTo(Secret.of("hunter3"));
        assertThat(secret.reveal()).isEqualTo("hunter2");
    }

    @Test
    void connectionsWithTheSameContentShareOneClient() {
        VeeamConnection a = VeeamConnection.of("https://vbo.example.com:4443/", "admin", Secret.of("pw"));
        VeeamConnection same = VeeamConnection.of("https://vbo.example.com:4443", "admin", Secret.of("pw"));
        VeeamConnection rotated = VeeamConnection.of("https://vbo.example.com:4443", "admin", Secret.of("pw2"));
        java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong();
        VeeamClientPool pool = new VeeamClientPool(VeeamClientOptions.defaults(), Duration.ofMinutes(30), now::get);

        assertThat(a).isEqualTo(same).hasSameHashCodeAs(same).isNotEqualTo(rotated);
        assertThat(pool.clientFor(a)).isSameAs(pool.clientFor(same)).isNotSameAs(pool.clientFor(rotated));
        assertThat(pool.size()).isEqualTo(2);
        // The old password of a rotated Secret is not kept once nothing asks for it.
        now.addAndGet(Duration.ofMinutes(20).toNanos());
        pool.clientFor(rotated);
        now.addAndGet(Duration.ofMinutes(20).toNanos());
        pool.clientFor(rotated);
        assertThat(pool.size()).isEqualTo(1);
        assertThat(a.toString()).contains("password=***").doesNotContain("pw,").contains("caBundle=none");
    }

    @Test
    void aConnectionNeedsAnHttpUrl() {
        assertThatThrownBy(() -> VeeamConnection.of("vbo:4443", "u", Secret.of("p")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void backoffIsJitteredBelowAnExponentialCeiling() {
        RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(30),
                Duration.ofSeconds(60));
        for (int i = 0; i < 200; i++) {
            assertThat(policy.backoff(1)).isBetween(Duration.ZERO, Duration.ofMillis(100));
            assertThat(policy.backoff(3)).isBetween(Duration.ZERO, Duration.ofMillis(400));
            assertThat(policy.backoff(30)).isBetween(Duration.ZERO, Duration.ofSeconds(1));
        }
    }

    @Test
    void openEnumsReadAnyCaseAndAliasesAndNeverFail() {
        assertThat(OpenEnum.parse(JobStatus.class, "success")).isEqualTo(JobStatus.SUCCESS);
        assertThat(OpenEnum.parse(JobStatus.class, "Succeeded")).isEqualTo(JobStatus.SUCCESS);
        assertThat(OpenEnum.parse(JobStatus.class, "NOTCONFIGURED")).isEqualTo(JobStatus.NOT_CONFIGURED);
        assertThat(OpenEnum.parse(JobStatus.class, "Hibernating")).isEqualTo(JobStatus.UNKNOWN);
        assertThat(OpenEnum.parse(JobStatus.class, null)).isNull();
        assertThatThrownBy(() -> OpenEnum.wireName(JobStatus.UNKNOWN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dailyTimesAreReadInTheShapesServersUse() {
        assertThat(WireMapper.dailyTime("08:00:00")).isEqualTo(LocalTime.of(8, 0));
        assertThat(WireMapper.dailyTime("8:00")).isEqualTo(LocalTime.of(8, 0));
        assertThat(WireMapper.dailyTime("22:30:00.0000000")).isEqualTo(LocalTime.of(22, 30));
        assertThat(WireMapper.dailyTime("1900-01-01T06:15:00Z")).isEqualTo(LocalTime.of(6, 15));
        assertThat(WireMapper.dailyTime("string")).isNull();
    }

    @Test
    void theOrganizationOfALegacyJobComesFromItsLink() {
        assertThat(WireMapper.lastSegment(Map.of("Organization", new Wire.Link("https://h:4443/v6/Organizations/abc/")),
                "organization")).isEqualTo("abc");
        assertThat(WireMapper.lastSegment(Map.of("self", new Wire.Link("https://h/x")), "organization")).isNull();
    }
}
