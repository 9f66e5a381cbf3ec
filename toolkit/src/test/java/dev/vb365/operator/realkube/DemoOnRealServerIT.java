package dev.vb365.operator.realkube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vb365.operator.cli.Demo;
import dev.vb365.operator.cli.DemoHints;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `demo --kubernetes real`: the whole story on a real kube-apiserver, and every hint of --keep-running, -w too. */
class DemoOnRealServerIT {

  @Test
  void theStoryEndsWell() throws Exception {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (Demo demo = new Demo(new Demo.Options(false, null, Repository.root().resolve("examples"),
        Duration.ofSeconds(60), true), new PrintStream(buffer, true, StandardCharsets.UTF_8))) {
      int exit = demo.run();
      String printed = buffer.toString(StandardCharsets.UTF_8);
      assertThat(exit).as(printed).isZero();
      assertThat(printed).contains("kube-apiserver 1.36.3 and etcd, real, on loopback", "DriftCorrected", "Done in");
    }
  }

  @Test
  void everyPrintedHintWorksAsPrinted(@TempDir Path dir) throws Exception {
    Path kubeconfig = dir.resolve("demo.kubeconfig");
    try (DemoHints.KeepRunning run = new DemoHints.KeepRunning(kubeconfig, true, Duration.ofSeconds(150))) {
      Demo demo = run.demo();
      String printed = run.printed();
      DemoHints hints = DemoHints.of(printed);
      assertThat(hints.commands()).as(printed).anyMatch(c -> c.equals("kubectl get bj -A -w"));
      hints.exercise(demo, dir);
      assertThat(run.stop()).isZero();
    }
  }
}
