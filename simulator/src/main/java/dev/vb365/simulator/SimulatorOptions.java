package dev.vb365.simulator;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How to start a {@link Simulator}. Immutable; start from {@link #defaults()} and use the withers, or
 * {@link #builder()}.
 *
 * @param port TCP port; 0 picks a free one
 * @param bindAddress address to listen on (default the loopback address)
 * @param http plain HTTP instead of HTTPS
 * @param apiVersion the one API version served
 * @param fixture a fixture file, or null for the built-in one
 * @param tokenLifetimeSeconds access token lifetime unless faults override it
 * @param eventLogCapacity how many change events GET /v8/Events keeps; older change tokens become outdated
 * @param faults faults injected from the start
 * @param sessionDuration how long a started job session stays Running (0 finishes it at once)
 * @param keystore a PKCS12 keystore to serve instead of generated certificates, or null
 * @param keystorePassword its password (not printed anywhere)
 * @param caOut where to write the CA certificate PEM, or null for a temporary file
 * @param clock the clock for token expiry, session and schedule times
 */
public record SimulatorOptions(int port, String bindAddress, boolean http, ApiVersion apiVersion, String username,
    String password, Path fixture, int tokenLifetimeSeconds, int eventLogCapacity, Faults faults,
    Duration sessionDuration, Path keystore, String keystorePassword, Path caOut, Clock clock) {

  public SimulatorOptions {
    Objects.requireNonNull(apiVersion, "apiVersion");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(faults, "faults");
    Objects.requireNonNull(sessionDuration, "sessionDuration");
    Objects.requireNonNull(clock, "clock");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, got " + port);
    }
    if (tokenLifetimeSeconds < 1) {
      throw new IllegalArgumentException("tokenLifetimeSeconds must be at least 1");
    }
    if (eventLogCapacity < 1) {
      throw new IllegalArgumentException("eventLogCapacity must be at least 1");
    }
    if (sessionDuration.isNegative()) {
      throw new IllegalArgumentException("sessionDuration must not be negative");
    }
  }

  /** Random port, HTTPS, v8, admin/admin, built-in fixture, 3600 s tokens, 10000 events, 2 s sessions. */
  public static SimulatorOptions defaults() {
    return new SimulatorOptions(0, null, false, ApiVersion.V8, "admin", "admin", null, 3600, 10_000, Faults.NONE,
        Duration.ofSeconds(2), null, null, null, Clock.systemUTC());
  }

  public static Builder builder() {
    return new Builder(defaults());
  }

  @Override
  public String toString() {
    return "SimulatorOptions[port=" + port + ", http=" + http + ", apiVersion=" + apiVersion.id() + ", username="
        + username + ", fixture=" + fixture + ", faults=" + faults + "]";
  }

  public SimulatorOptions withPort(int v) {
    return builder(this).port(v).build();
  }

  public SimulatorOptions withHttp(boolean v) {
    return builder(this).http(v).build();
  }

  public SimulatorOptions withApiVersion(ApiVersion v) {
    return builder(this).apiVersion(v).build();
  }

  public SimulatorOptions withCredentials(String user, String pass) {
    return builder(this).username(user).password(pass).build();
  }

  public SimulatorOptions withFixture(Path v) {
    return builder(this).fixture(v).build();
  }

  public SimulatorOptions withTokenLifetimeSeconds(int v) {
    return builder(this).tokenLifetimeSeconds(v).build();
  }

  public SimulatorOptions withEventLogCapacity(int v) {
    return builder(this).eventLogCapacity(v).build();
  }

  public SimulatorOptions withFaults(Faults v) {
    return builder(this).faults(v).build();
  }

  public SimulatorOptions withSessionDuration(Duration v) {
    return builder(this).sessionDuration(v).build();
  }

  public SimulatorOptions withClock(Clock v) {
    return builder(this).clock(v).build();
  }

  public static Builder builder(SimulatorOptions from) {
    return new Builder(from);
  }

  /** Mutable builder for {@link SimulatorOptions}. */
  public static final class Builder {
    private int port;
    private String bindAddress;
    private boolean http;
    private ApiVersion apiVersion;
    private String username;
    private String password;
    private Path fixture;
    private int tokenLifetimeSeconds;
    private int eventLogCapacity;
    private Faults faults;
    private Duration sessionDuration;
    private Path keystore;
    private String keystorePassword;
    private Path caOut;
    private Clock clock;

    private Builder(SimulatorOptions o) {
      port = o.port;
      bindAddress = o.bindAddress;
      http = o.http;
      apiVersion = o.apiVersion;
      username = o.username;
      password = o.password;
      fixture = o.fixture;
      tokenLifetimeSeconds = o.tokenLifetimeSeconds;
      eventLogCapacity = o.eventLogCapacity;
      faults = o.faults;
      sessionDuration = o.sessionDuration;
      keystore = o.keystore;
      keystorePassword = o.keystorePassword;
      caOut = o.caOut;
      clock = o.clock;
    }

    public Builder port(int v) {
      port = v;
      return this;
    }

    public Builder bindAddress(String v) {
      bindAddress = v;
      return this;
    }

    public Builder http(boolean v) {
      http = v;
      return this;
    }

    public Builder apiVersion(ApiVersion v) {
      apiVersion = v;
      return this;
    }

    public Builder username(String v) {
      username = v;
      return this;
    }

    public Builder password(String v) {
      password = v;
      return this;
    }

    public Builder fixture(Path v) {
      fixture = v;
      return this;
    }

    public Builder tokenLifetimeSeconds(int v) {
      tokenLifetimeSeconds = v;
      return this;
    }

    public Builder eventLogCapacity(int v) {
      eventLogCapacity = v;
      return this;
    }

    public Builder faults(Faults v) {
      faults = v;
      return this;
    }

    public Builder sessionDuration(Duration v) {
      sessionDuration = v;
      return this;
    }

    public Builder keystore(Path file, String pass) {
      keystore = file;
      keystorePassword = pass;
      return this;
    }

    public Builder caOut(Path v) {
      caOut = v;
      return this;
    }

    public Builder clock(Clock v) {
      clock = v;
      return this;
    }

    public SimulatorOptions build() {
      return new SimulatorOptions(port, bindAddress, http, apiVersion, username, password, fixture,
          tokenLifetimeSeconds, eventLogCapacity, faults, sessionDuration, keystore, keystorePassword, caOut, clock);
    }
  }
}
