package vn.motcua;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An application started in a JVM of its own (the cluster tests, the benchmarks), on the application's class path or
 * the tests': its output goes to a log file, and it can be stopped or killed like a real node.
 */
public final class ChildJvm {
    private final Process process;
    private final Path log;
    private final String name;

    private ChildJvm(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code mainClass} with {@code arguments} on the application's class path, or with
     * {@code withTestClasses} on the tests' (their beans, test configuration and test jars are not the application's).
     */
    public static ChildJvm start(String name, String mainClass, List<String> jvmOptions, List<String> arguments,
                                 Path logDirectory, boolean withTestClasses) throws IOException {
        return start(name, withTestClasses ? testClassPath() : applicationClassPath(), mainClass, jvmOptions,
                arguments, logDirectory);
    }

    /** Starts {@code mainClass} on the given class path. */
    public static ChildJvm start(String name, String classpath, String mainClass, List<String> jvmOptions,
                                 List<String> arguments, Path logDirectory) throws IOException {
        var command = new ArrayList<String>();
        command.add(java());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classpath, mainClass));
        command.addAll(arguments);
        Files.createDirectories(logDirectory);
        Path log = logDirectory.resolve(name + ".log");
        var process = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ChildJvm(name, process, log);
    }

    /**
     * The {@code java} that runs the children: {@code -Dmotcua.node.java} when given (the production image's JDK, so
     * that the cluster tests run the nodes on the runtime the image ships; {@code .ci/run} gives it when the machine
     * has that JDK), else this JVM's own.
     */
    static String java() {
        String chosen = System.getProperty("motcua.node.java", "").strip();
        if (chosen.isEmpty()) return Path.of(System.getProperty("java.home"), "bin", "java").toString();
        if (!Files.isExecutable(Path.of(chosen))) {
            throw new IllegalStateException("motcua.node.java names no java that can be run: " + chosen);
        }
        return chosen;
    }

    /** The tests' class path: the application's classes, the tests' classes and every test-scoped jar. */
    private static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    /**
     * The application's classes and the jars the packaged application holds ({@code target/runtime-classpath.txt},
     * written by the build): no test classes, no test-scoped jars (an OpenID provider, a test database, browsers'
     * drivers), whose auto-configurations would start beside the application. Without that file (an IDE run): the
     * tests' class path without the test classes.
     */
    private static String applicationClassPath() throws IOException {
        Path runtime = Path.of("target", "runtime-classpath.txt");
        Path classes = Path.of("target", "classes").toAbsolutePath();
        if (Files.isRegularFile(runtime) && Files.isDirectory(classes)) {
            return classes + File.pathSeparator + Files.readString(runtime, StandardCharsets.UTF_8).strip();
        }
        return Arrays.stream(testClassPath().split(File.pathSeparator))
                .filter(entry -> !(entry.endsWith("test-classes") || entry.endsWith("test-classes/")))
                .collect(Collectors.joining(File.pathSeparator));
    }

    /**
     * The application's class path with its classes packed into {@code <directory>/motcua-classes.jar}, as the
     * packaged application holds them: the JVM's class-data sharing archives classes from jars only, and refuses to
     * write an archive while a class path entry is a non-empty directory.
     */
    public static String applicationJarClassPath(Path directory) throws IOException {
        Path classes = Path.of("target", "classes").toAbsolutePath();
        Path jar = directory.resolve("motcua-classes.jar");
        Files.createDirectories(directory);
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar));
             var files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                String entry = classes.relativize(file).toString().replace(File.separatorChar, '/');
                if (entry.isEmpty()) continue;
                if (Files.isDirectory(file)) {
                    out.putNextEntry(new java.util.jar.JarEntry(entry + "/"));
                } else {
                    out.putNextEntry(new java.util.jar.JarEntry(entry));
                    Files.copy(file, out);
                }
                out.closeEntry();
            }
        }
        Path runtime = Path.of("target", "runtime-classpath.txt");
        if (!Files.isRegularFile(runtime)) {
            throw new IllegalStateException(runtime + " is missing: run the build (mvn test-compile) first");
        }
        return jar + File.pathSeparator + Files.readString(runtime, StandardCharsets.UTF_8).strip();
    }

    /** Waits until {@code url} answers 200; fails with the end of the log when the JVM stops or time runs out. */
    public Duration awaitOk(String url, Duration within) throws InterruptedException {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Instant start = Instant.now();
        Instant until = start.plus(within);
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) throw new IllegalStateException(name + " stopped while starting:\n" + tail());
            try {
                var answer = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) return Duration.between(start, Instant.now());
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " did not answer " + url + " within " + within + ":\n" + tail());
    }

    public Process process() { return process; }

    /** SIGTERM, waiting up to {@code within} for the shutdown hooks (a Flight Recording is written by one), then SIGKILL. */
    public void stop(Duration within) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(within.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) kill();
    }

    /** SIGKILL: no shutdown hook, no clean release of anything. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** The last 60 lines of its output. */
    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    public static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
