package dev.vb365.operator.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vb365.operator.veeam.Secret;
import dev.vb365.operator.veeam.VeeamConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ServerGateTest {

  @Test
  void atMostThePermittedNumberOfCallsReachOneServerAtATime() throws Exception {
    ServerGate gate = new ServerGate(2);
    VeeamConnection serverA = VeeamConnection.of("https://a.example:4443", "u", Secret.of("p"));
    VeeamConnection serverAOtherUser = VeeamConnection.of("https://A.example:4443", "v", Secret.of("q"));
    VeeamConnection serverB = VeeamConnection.of("https://b.example:4443", "u", Secret.of("p"));
    AtomicInteger inA = new AtomicInteger();
    AtomicInteger maxA = new AtomicInteger();
    AtomicInteger inB = new AtomicInteger();
    AtomicInteger maxB = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(12);
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      VeeamConnection target = i % 3 == 0 ? serverB : i % 3 == 1 ? serverA : serverAOtherUser;
      AtomicInteger in = target == serverB ? inB : inA;
      AtomicInteger max = target == serverB ? maxB : maxA;
      Thread t = new Thread(() -> {
        gate.call(target, () -> {
          max.accumulateAndGet(in.incrementAndGet(), Math::max);
          sleep(30);
          in.decrementAndGet();
          return null;
        });
        done.countDown();
      });
      threads.add(t);
      t.start();
    }

    assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(maxA.get()).isBetween(1, 2); // both credentials of server a share its two slots
    assertThat(maxB.get()).isBetween(1, 2);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
