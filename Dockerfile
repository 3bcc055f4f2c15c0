# Plenary: build with the Maven wrapper, run on a JRE, as a non-root user, with the memory settings
# that were measured under load (docs/security.md; the same as quarkus:run's).
# The build runs the same packaging as CI (./mvnw package); CI runs the tests (./mvnw verify)
# on the machine itself, where the embedded PostgreSQL can start.
#
#   docker build -t plenary .
#   docker run -p 8080:8080 \
#     -e QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://db:5432/plenary \
#     -e QUARKUS_DATASOURCE_USERNAME=plenary -e QUARKUS_DATASOURCE_PASSWORD=... plenary
# Without QUARKUS_DATASOURCE_JDBC_URL the container refuses to start (one line on stderr, exit 2),
# unless the embedded PostgreSQL is asked for explicitly; its files (and random passwords, 0600)
# then live on the /data volume, made 0700:
#   docker run -p 8080:8080 -e PLENARY_EMBEDDED_DATABASE=true -v plenary-data:/data plenary

FROM eclipse-temurin:17-jdk AS build
# The build runs as a user of its own: packaging starts PostgreSQL to make the package's clusters
# (org.plenary.db.PackagedBinaries; docs/operations.md), which refuses to run as root, and a
# container does not let root run it in a user namespace, as Plenary does elsewhere.
RUN useradd --create-home plenary-build && mkdir /src && chown plenary-build /src
USER plenary-build
WORKDIR /src
COPY --chown=plenary-build .mvn/ .mvn/
COPY --chown=plenary-build mvnw pom.xml ./
RUN ./mvnw -B -ntp dependency:resolve-plugins dependency:resolve -q || true
COPY --chown=plenary-build src/ src/
COPY --chown=plenary-build seed-data/ seed-data/
COPY --chown=plenary-build openapi/ openapi/
RUN ./mvnw -B -ntp package -DskipTests

FROM eclipse-temurin:17-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin plenary \
 && mkdir -p /data && chown plenary /data && chmod 0700 /data
WORKDIR /app
COPY --from=build --chown=plenary /src/target/quarkus-app/ /app/
USER plenary
ENV PLENARY_DATA_DIR=/data \
    QUARKUS_HTTP_PORT=8080
VOLUME /data
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD curl -fs http://127.0.0.1:8080/q/health/ready || exit 1
# the packaged launcher starts the JVM with the measured memory settings (JAVA_OPTS may add to them)
ENTRYPOINT ["/app/plenary"]
