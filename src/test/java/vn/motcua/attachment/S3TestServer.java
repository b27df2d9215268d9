package vn.motcua.attachment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import software.amazon.awssdk.services.s3.S3Client;
import vn.motcua.attachment.internal.S3ContentStore;
import vn.motcua.attachment.internal.StorageSettings;

/**
 * A real S3-compatible server for the tests: S3Proxy (jclouds' in-memory blob store behind the S3 HTTP API), one per
 * test JVM, started on a free port of 127.0.0.1 in a JVM of its own from the jar Maven copies to
 * {@code target/s3proxy/s3proxy.jar} (phase generate-test-resources), and stopped with the test JVM. The S3 store
 * talks to it over HTTP with AWS signatures, as to any other S3 store.
 */
public final class S3TestServer {
    public static final String BUCKET = "motcua-test";
    public static final String ACCESS_KEY = "motcua-test-access";
    public static final String SECRET_KEY = "motcua-test-secret-key";
    private static final Path JAR = Path.of(System.getProperty("motcua.test.s3proxy-jar", "target/s3proxy/s3proxy.jar"));
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private static String endpoint;

    private S3TestServer() { }

    /** The server's address, started on first use; the bucket {@link #BUCKET} exists. */
    public static synchronized String endpoint() {
        if (endpoint == null) endpoint = start();
        return endpoint;
    }

    /** Settings that reach the server, with the given key prefix. */
    public static StorageSettings.S3 settings(String prefix) {
        var s3 = new StorageSettings().getS3();
        s3.setEndpoint(endpoint());
        s3.setBucket(BUCKET);
        s3.setPrefix(prefix);
        s3.setAccessKeyId(ACCESS_KEY);
        s3.setSecretAccessKey(SECRET_KEY);
        return s3;
    }

    private static String start() {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run the tests through Maven "
                    + "(generate-test-resources copies S3Proxy there)");
        }
        try {
            Path work = Files.createDirectories(Path.of("target", "s3proxy-runs"));
            int port;
            try (var socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            String address = "http://127.0.0.1:" + port;
            String run = UUID.randomUUID().toString();
            Path properties = work.resolve(run + ".properties");
            Files.writeString(properties, String.join("\n",
                    "s3proxy.endpoint=" + address,
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + ACCESS_KEY,
                    "s3proxy.credential=" + SECRET_KEY,
                    "jclouds.provider=transient",
                    "jclouds.identity=" + ACCESS_KEY,
                    "jclouds.credential=" + SECRET_KEY,
                    ""), StandardCharsets.UTF_8);
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Process process = new ProcessBuilder(java.toString(), "-Xmx384m", "-jar", JAR.toString(),
                    "--properties", properties.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(work.resolve(run + ".log").toFile())
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "s3proxy-stop"));
            Instant deadline = Instant.now().plus(START_TIMEOUT);
            while (!answers(port)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("S3Proxy stopped at start-up: see " + work.resolve(run + ".log"));
                }
                if (Instant.now().isAfter(deadline)) {
                    process.destroy();
                    throw new IllegalStateException("S3Proxy did not answer within " + START_TIMEOUT);
                }
                Thread.sleep(200);
            }
            var settings = new StorageSettings().getS3();
            settings.setEndpoint(address);
            settings.setAccessKeyId(ACCESS_KEY);
            settings.setSecretAccessKey(SECRET_KEY);
            try (S3Client client = S3ContentStore.client(settings)) {
                client.createBucket(b -> b.bucket(BUCKET));
            }
            return address;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean answers(int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** A client for the tests' own look into the bucket. */
    public static S3Client client() {
        return S3ContentStore.client(settings(""));
    }

    /** Points the application context at the server: {@code motcua.storage.type=s3}. */
    public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of(
                    "motcua.storage.type=s3",
                    "motcua.storage.s3.endpoint=" + endpoint(),
                    "motcua.storage.s3.bucket=" + BUCKET,
                    "motcua.storage.s3.prefix=app/",
                    "motcua.storage.s3.access-key-id=" + ACCESS_KEY,
                    "motcua.storage.s3.secret-access-key=" + SECRET_KEY).applyTo(context);
        }
    }
}
