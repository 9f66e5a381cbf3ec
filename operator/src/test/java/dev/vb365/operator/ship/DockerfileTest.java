package dev.vb365.operator.ship;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The image cannot be built here (no container engine), so this checks that the Dockerfile, the
 * Maven build and the chart agree: same jar, same user, same port, same command.
 */
class DockerfileTest {

  private static List<String> instructions() throws IOException {
    // Joined continuation lines, without comments and blank lines.
    String text = Files.readString(RepositoryLayout.root().resolve("Dockerfile")).replace("\\\n", " ");
    return text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
  }

  private static List<String> starting(String keyword) throws IOException {
    return instructions().stream().filter(l -> l.startsWith(keyword + " ")).toList();
  }

  @Test
  void buildsWithMavenAndRunsOnTheTemurinJre() throws IOException {
    assertThat(starting("FROM")).containsExactly(
        "FROM maven:3.9-eclipse-temurin-17 AS build", "FROM eclipse-temurin:17-jre");
    assertThat(starting("RUN").get(0)).contains("mvn -B -DskipTests -Djib.skip=true -pl operator -am package");
  }

  @Test
  void copiesTheJarTheMavenBuildProducesAndRunsIt() throws IOException {
    String pom = Files.readString(RepositoryLayout.root().resolve("operator/pom.xml"));
    assertThat(pom).contains("<outputFile>${project.build.directory}/vb365-operator.jar</outputFile>");

    assertThat(starting("COPY")).contains(
        "COPY --from=build /src/operator/target/vb365-operator.jar /app/vb365-operator.jar");
    assertThat(starting("ENTRYPOINT")).containsExactly("ENTRYPOINT [\"java\", \"-jar\", \"/app/vb365-operator.jar\"]");
    assertThat(starting("CMD")).containsExactly("CMD [\"run\"]");
  }

  @Test
  void runsAsTheUserAndPortTheChartExpects() throws IOException {
    RenderedChart chart = RenderedChart.template("");
    JsonNode pod = chart.deployment().path("spec").path("template").path("spec").path("securityContext");

    assertThat(starting("USER")).containsExactly(
        "USER " + pod.path("runAsUser").asInt() + ":" + pod.path("runAsGroup").asInt());
    assertThat(starting("RUN")).anySatisfy(run -> assertThat(run).contains("useradd").contains("--uid 65532"));
    assertThat(starting("EXPOSE")).containsExactly(
        "EXPOSE " + chart.operatorContainer().path("ports").get(0).path("containerPort").asInt());
    assertThat(starting("ENV")).anySatisfy(env -> assertThat(env).contains("-XX:MaxRAMPercentage=75"));
  }

  @Test
  void buildContextLeavesOutBuildOutputAndGitHistory() throws IOException {
    List<String> ignored = Files.readAllLines(RepositoryLayout.root().resolve(".dockerignore"));
    assertThat(ignored).contains(".git", "**/target");
  }
}
