# MotCua's application image. Build the jar first, then the image:
#   mvn -Pproduction -DskipTests package
#   docker build -t motcua .
# docker-compose.yml runs two of these behind HAProxy (deploy/haproxy.cfg) with PostgreSQL.
# The runtime is Java 25 (LTS); the jar is built for Java 17 and its tests run on 17 (README, "Start-up": why 25 here).
FROM eclipse-temurin:25-jre

# OCR in Vietnamese and English (Tika runs tesseract: README, "Attachments"); fonts and fontconfig for the JDK's
# font metrics (spreadsheet exports); Liberation Serif 2.x with its Vietnamese letters, which the official documents
# embed (README, "Official documents"); time-zone data; curl for the health check. The base image is Ubuntu: the
# same Debian packages (there fonts-liberation is 2.x and fonts-liberation2 its transitional name).
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        tesseract-ocr tesseract-ocr-vie tesseract-ocr-eng fontconfig fonts-dejavu-core fonts-liberation \
        fonts-liberation2 tzdata curl \
    && rm -rf /var/lib/apt/lists/*

# A user of its own, never root; the data directory (embedded database, attachments) belongs to it alone
RUN groupadd --system motcua \
    && useradd --system --gid motcua --home-dir /app --no-create-home --shell /usr/sbin/nologin motcua \
    && mkdir -p /app /var/lib/motcua \
    && chown motcua:motcua /var/lib/motcua \
    && chmod 700 /var/lib/motcua

# The application, extracted (motcua.jar naming its libraries in lib/), and its ahead-of-time cache (README,
# "Start-up"): a training run (deploy/train-aot-cache.sh: a full start on the embedded database in a scratch folder,
# deleted after, stopped once ready) writes the cache of every class it loaded and linked, with the profiles of the methods it ran,
# so that each start maps those classes already loaded and linked instead of finding, reading, verifying and linking
# them in the jars again, and compiles the hot methods sooner. A cache is only used by the very JDK that wrote it and
# from the very paths it was trained with (jar paths, sizes, times), and one that does not match is dropped silently:
# hence training here, in this image, with the entry point's own paths, and the check that the cache is valid, which
# fails the build otherwise. The jar is mounted for the build, never copied into a layer; /app ends read-only, owned
# by root.
ARG JAR_FILE=target/motcua-0.1.0-SNAPSHOT.jar
RUN --mount=type=bind,source=${JAR_FILE},target=/tmp/motcua.jar \
    --mount=type=bind,source=deploy/train-aot-cache.sh,target=/tmp/train-aot-cache.sh \
    java -Djarmode=tools -jar /tmp/motcua.jar extract --destination /app \
    && sh /tmp/train-aot-cache.sh java /app/motcua.jar -XX:AOTCacheOutput=/app/motcua.aot /tmp/training \
    && java -XX:AOTCache=/app/motcua.aot -XX:+PrintSharedArchiveAndExit -jar /app/motcua.jar \
       | grep -q 'archive is valid' \
    && chown -R root:root /app \
    && chmod -R a-w,a+rX /app

# Memory from the container's limit: 60 % for the heap leaves room for the text-extraction JVM (512 MB heap) and
# tesseract beside it. The engine's history cleanup window is read in the JVM's time zone: Vietnam's.
ENV TZ=Asia/Ho_Chi_Minh \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=60 -XX:InitialRAMPercentage=30 -XX:+ExitOnOutOfMemoryError -Duser.timezone=Asia/Ho_Chi_Minh" \
    MOTCUA_DATA_DIR=/var/lib/motcua \
    PORT=8080

USER motcua
WORKDIR /var/lib/motcua
VOLUME /var/lib/motcua
EXPOSE 8080

# Alive: the liveness probe (no sign-in, no details). The load balancer asks the readiness probe instead.
HEALTHCHECK --interval=15s --timeout=5s --start-period=180s --retries=4 \
    CMD curl -fsS -o /dev/null http://127.0.0.1:8080/actuator/health/liveness || exit 1

# umask 077: whatever the application writes is private to its user (README, "Production defaults")
ENTRYPOINT ["/bin/sh", "-c", "umask 077 && exec java -XX:AOTCache=/app/motcua.aot -jar /app/motcua.jar \"$@\"", "motcua"]
