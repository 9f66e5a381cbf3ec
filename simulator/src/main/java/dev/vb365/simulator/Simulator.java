package dev.vb365.simulator;

import dev.vb365.simulator.api.ControlEndpoints;
import dev.vb365.simulator.api.CopyJobEndpoints;
import dev.vb365.simulator.api.DirectoryControls;
import dev.vb365.simulator.api.DirectoryEndpoints;
import dev.vb365.simulator.api.EventEndpoints;
import dev.vb365.simulator.api.JobEndpoints;
import dev.vb365.simulator.api.Representation;
import dev.vb365.simulator.api.SessionEndpoints;
import dev.vb365.simulator.api.TokenEndpoint;
import dev.vb365.simulator.auth.TokenService;
import dev.vb365.simulator.auth.TokenThrottle;
import dev.vb365.simulator.http.FaultInjector;
import dev.vb365.simulator.http.HttpFront;
import dev.vb365.simulator.http.RequestCounter;
import dev.vb365.simulator.http.RouteTable;
import dev.vb365.simulator.http.TlsMaterial;
import dev.vb365.simulator.model.BackupType;
import dev.vb365.simulator.model.Directory;
import dev.vb365.simulator.model.DirectoryIndex;
import dev.vb365.simulator.model.Fixture;
import dev.vb365.simulator.store.DirectoryEvents;
import dev.vb365.simulator.store.SimulatorState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import dev.vb365.simulator.http.MalformedBodies;

/**
 * A running VB365 REST API simulator. {@link #start(SimulatorOptions)} returns once it is serving.
 * Usable from JUnit (port 0 picks a free port) and from {@link SimulatorMain}.
 */
public final class Simulator implements AutoCloseable {
  private final SimulatorOptions options;
  private final HttpFront front;
  private final SimulatorState state;
  private final RequestCounter counter;
  private final FaultInjector faults;
  private final TokenService tokens;
  private final Path caFile;
  private final URI baseUri;

  private Simulator(SimulatorOptions options) throws IOException {
    this.options = options;
    Fixture fixture = options.fixture() == null ? Fixture.loadDefault() : Fixture.load(options.fixture());
    DirectoryIndex directory = new DirectoryIndex(fixture);
    ApiVersion version = options.apiVersion();
    this.faults = new FaultInjector(options.faults());
    this.counter = new RequestCounter();
    this.tokens = new TokenService(options.clock(), () -> {
      Integer override = faults.current().tokenLifetimeSeconds();
      return override != null ? override : options.tokenLifetimeSeconds();
    });
    this.state = new SimulatorState(options.clock(), options.eventLogCapacity(), options.sessionDuration(),
        () -> faults.current().sessionOutcome(),
        job -> job.backupType() == BackupType.SelectedItems ? job.selectedItems().size()
            : objectCount(directory.organization(job.organizationId(), "organizationId")),
        repositoryId -> directory.repository(repositoryId, "repositoryId").proxyId());
    Representation representation = new Representation(version, directory);

    RouteTable api = new RouteTable();
    new TokenEndpoint(version, tokens, new TokenThrottle(options.clock()), () -> faults.current().throttlesToken(),
        options.username(), options.password()).onThrottled(() -> faults.counter().tokenThrottled()).register(api);
    new DirectoryEndpoints(version, directory, state, representation).register(api);
    new JobEndpoints(version, directory, state, representation).register(api);
    new CopyJobEndpoints(version, directory, state, representation).register(api);
    new SessionEndpoints(version, state, representation).register(api);
    new EventEndpoints(version, state.events()).register(api);
    if (version.hasEtagsAndEvents()) {
      directory.listener(new DirectoryEvents(state.events()));
    }
    RouteTable control = new RouteTable();
    new ControlEndpoints(version, counter, faults, tokens).register(control);
    new DirectoryControls(directory).register(control);

    TlsMaterial tls = null;
    Path ca = null;
    if (!options.http()) {
      tls = options.keystore() != null
          ? TlsMaterial.fromKeystore(options.keystore(),
              options.keystorePassword() == null ? new char[0] : options.keystorePassword().toCharArray())
          : TlsMaterial.generate();
      ca = options.caOut() != null ? options.caOut() : Files.createTempFile("vb365-simulator-ca-", ".pem");
      tls.writeCaPem(ca);
    }
    this.caFile = ca;
    InetAddress bind = options.bindAddress() == null ? InetAddress.getLoopbackAddress()
        : InetAddress.getByName(options.bindAddress());
    this.front = new HttpFront(new InetSocketAddress(bind, options.port()), tls, api, control, tokens, faults, counter,
        representation::error);
    this.baseUri = URI.create(front.scheme() + "://localhost:" + front.port());
  }

  private static long objectCount(Directory.Organization org) {
    return (long) org.users().size() + org.groups().size() + org.sites().size() + org.teams().size();
  }

  public static Simulator start(SimulatorOptions options) {
    try {
      return new Simulator(options);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the VB365 simulator", e);
    }
  }

  /** Scheme, host and port, e.g. https://localhost:41234 (no trailing slash, no version). */
  public URI baseUri() {
    return baseUri;
  }

  /** PEM file of the CA that signed the server certificate; null with plain HTTP. */
  public Path caCertificateFile() {
    return caFile;
  }

  /** "v8", "v7" or "v6". */
  public String apiVersion() {
    return options.apiVersion().id();
  }

  public String username() {
    return options.username();
  }

  public String password() {
    return options.password();
  }

  /** Request counts by "METHOD template", as GET /_sim/requests returns them. */
  public Map<String, Long> requestCounts() {
    return counter.snapshot();
  }

  public void resetRequestCounts() {
    counter.reset();
  }

  /** The faults in force (as GET /_sim/faults). */
  public Faults faults() {
    return faults.current();
  }

  /** Replaces the faults in force (as PUT /_sim/faults). */
  public void setFaults(Faults newFaults) {
    faults.set(newFaults);
  }

  /**
   * Successful answers to API paths matching {@code pathPattern} (a regular expression searched in
   * the path) get a malformed body of this kind from now on; see {@link MalformedBodies}.
   */
  public void malformBodies(String pathPattern, MalformedBodies.Kind kind) {
    front.malformedBodies().add(pathPattern, kind);
  }

  /**
   * Every token this simulator has issued (access, refresh and antiforgery tokens, revoked ones
   * too): the values a leak scan of logs, Events and statuses must not find.
   */
  public java.util.Set<String> issuedTokens() {
    return tokens.everIssued();
  }

  /** Invalidates every token issued so far (as POST /_sim/tokens/revoke). */
  public void revokeTokens() {
    tokens.revokeAll();
    faults.counter().tokensRevoked();
  }

  /** The faults injected so far, by kind (as GET /_sim/faults/counts). */
  public FaultCounts faultCounts() {
    return faults.counter().snapshot();
  }

  /** Ids of the jobs that exist now, in creation order (direct inspection for tests). */
  public List<java.util.UUID> jobIds() {
    return state.jobs().stream().map(dev.vb365.simulator.store.Job::id).toList();
  }

  /** Ids of the backup copy jobs that exist now (direct inspection for tests). */
  public List<java.util.UUID> copyJobIds() {
    return state.copyJobs().stream().map(dev.vb365.simulator.store.CopyJob::id).toList();
  }

  @Override
  public void close() {
    front.close();
    state.close();
  }
}
