package dev.vb365.simulator.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vb365.simulator.http.ApiException;
import dev.vb365.simulator.http.ErrorCode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The bounded change log behind GET /v8/Events. Each event gets the next sequence number; a change token
 * names the last sequence number a client has seen, plus the log's epoch (random per simulator start), so
 * that tokens of a previous run, or older than the oldest retained event, are outdated.
 */
public final class EventLog {
  private final int capacity;
  private final String epoch;
  private final ArrayDeque<Entry> events = new ArrayDeque<>();
  private long lastSeq;

  private record Entry(long seq, ObjectNode body) {
  }

  /** One read: the events after the token and the token to continue from. */
  public record Page(List<ObjectNode> events, String nextChangeToken) {
  }

  public EventLog(int capacity) {
    this.capacity = capacity;
    this.epoch = Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffffL);
  }

  public synchronized void append(ObjectNode event) {
    events.addLast(new Entry(++lastSeq, event));
    while (events.size() > capacity) {
      events.removeFirst();
    }
    notifyAll();
  }

  public synchronized String latestToken() {
    return token(lastSeq);
  }

  private String token(long seq) {
    return epoch + "-" + seq;
  }

  /**
   * Events after {@code from} ("latest" = from now on), at most {@code limit}; when there are none yet,
   * waits up to {@code timeoutMillis} for one to arrive (long poll).
   */
  public synchronized Page read(String from, int limit, long timeoutMillis) throws InterruptedException {
    long position = from.equalsIgnoreCase("latest") ? lastSeq : parse(from);
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
    while (lastSeq <= position) {
      long waitNanos = deadline - System.nanoTime();
      if (waitNanos <= 0) {
        return new Page(List.of(), token(position));
      }
      wait(Math.max(1, waitNanos / 1_000_000L));
    }
    long oldestRetained = events.isEmpty() ? lastSeq + 1 : events.peekFirst().seq();
    if (position < oldestRetained - 1) {
      throw outdated(from);
    }
    List<ObjectNode> out = new ArrayList<>();
    long next = position;
    for (Entry e : events) {
      if (e.seq() > position && out.size() < limit) {
        out.add(e.body().deepCopy());
        next = e.seq();
      }
    }
    return new Page(out, token(next));
  }

  private long parse(String token) {
    int dash = token.lastIndexOf('-');
    long seq;
    try {
      seq = dash < 0 ? -1 : Long.parseLong(token.substring(dash + 1));
    } catch (NumberFormatException e) {
      seq = -1;
    }
    if (seq < 0) {
      throw ApiException.invalid("The value '" + token + "' of query parameter 'from' is not a change token or 'latest'");
    }
    if (!token.substring(0, dash).equals(epoch)) {
      throw outdated(token);
    }
    if (seq > lastSeq) {
      throw ApiException.invalid("The change token '" + token + "' of query parameter 'from' is not known");
    }
    long oldestRetained = events.isEmpty() ? lastSeq + 1 : events.peekFirst().seq();
    if (seq < oldestRetained - 1) {
      throw outdated(token);
    }
    return seq;
  }

  private static ApiException outdated(String token) {
    return new ApiException(400, ErrorCode.OutdatedChangeToken, "The change token '" + token
        + "' of query parameter 'from' is outdated: the events after it are no longer kept. "
        + "List the resources again and continue from 'latest'.");
  }
}
