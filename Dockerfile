# syntax=docker/dockerfile:1
# For those who build images with Docker: docker build -t ghcr.io/vb365-operator/vb365-operator:0.1.0 .
# The build itself writes the image without any engine (operator/target/vb365-operator-image.tar, Jib over a jlink
# runtime; ImageIT runs it); this Dockerfile gives the same contract: uid 65532, `run` by default, port 8080, the
# same JAVA_TOOL_OPTIONS. The Helm chart runs either with a read-only root filesystem.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
# The cache mount keeps ~/.m2 between builds (BuildKit); the tests run in CI, not here.
RUN --mount=type=cache,target=/root/.m2 mvn -B -DskipTests -Djib.skip=true -pl operator -am package

FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 65532 vb365 \
 && useradd --system --uid 65532 --gid 65532 --home-dir /nonexistent --no-create-home \
      --shell /usr/sbin/nologin vb365
# Owned by root and read-only for the operator's user.
COPY --from=build /src/operator/target/vb365-operator.jar /app/vb365-operator.jar
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -Djava.io.tmpdir=/tmp"
USER 65532:65532
# /metrics, /healthz, /readyz
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/vb365-operator.jar"]
# The default subcommand; `docker run IMAGE export --url ...` runs another one.
CMD ["run"]
