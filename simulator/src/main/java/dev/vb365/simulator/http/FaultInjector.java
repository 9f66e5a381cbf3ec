package dev.vb365.simulator.http;

import dev.vb365.simulator.Faults;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/** Holds the current faults and decides, per API request, what to inject. */
public final class FaultInjector {
  /** What happens to one request. */
  public enum Verdict {
    PROCEED,
    /** Drop the connection without processing the request. */
    RESET,
    ERROR,
    /** Process the request, then drop the connection without an answer. */
    LOSE_RESPONSE
  }

  private record Active(Faults faults, Pattern path, Pattern slowRoute) {
  }

  private final AtomicReference<Active> active = new AtomicReference<>();
  private final FaultCounter counter = new FaultCounter();

  public FaultInjector(Faults initial) {
    set(initial);
  }

  /** What has been injected so far. */
  public FaultCounter counter() {
    return counter;
  }

  public Faults current() {
    return active.get().faults();
  }

  public void set(Faults faults) {
    active.set(new Active(faults, faults.pathPattern() == null ? null : Pattern.compile(faults.pathPattern()),
        faults.slowRoute() == null ? null : Pattern.compile(faults.slowRoute())));
  }

  /** Sleeps for the configured latency plus jitter, then decides whether to drop, fail, serve or serve unanswered. */
  public Verdict apply(String path) throws InterruptedException {
    return apply(path, path);
  }

  /** As {@link #apply(String)}, counting what it injects under {@code route} (e.g. "POST /v8/Jobs"). */
  public Verdict apply(String path, String route) throws InterruptedException {
    Verdict verdict = decide(path, route);
    counter.verdict(verdict, route);
    return verdict;
  }

  private Verdict decide(String path, String route) throws InterruptedException {
    Active a = active.get();
    Faults f = a.faults();
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long delay = f.latency() + (f.jitter() > 0 ? random.nextLong(f.jitter() + 1) : 0);
    if (a.slowRoute() != null && f.slowMs() != null && a.slowRoute().matcher(route).find()) {
      delay += f.slowMs(); // held before processing: the work happens even if the client is gone by then
    }
    if (delay > 0) {
      counter.delayed(delay);
      Thread.sleep(delay);
    }
    boolean pathMatches = a.path() == null || a.path().matcher(path).find();
    if (!pathMatches) {
      return Verdict.PROCEED;
    }
    if (f.resets() > 0 && random.nextDouble() < f.resets()) {
      return Verdict.RESET;
    }
    if (f.errors() > 0 && random.nextDouble() < f.errors()) {
      return Verdict.ERROR;
    }
    if (f.lostResponses() > 0 && random.nextDouble() < f.lostResponses()) {
      return Verdict.LOSE_RESPONSE;
    }
    return Verdict.PROCEED;
  }
}
