package vn.motcua.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import benchmark.bare.BareCamunda;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import vn.motcua.BirthRegistrationSample;
import vn.motcua.ChildJvm;
import vn.motcua.MotCuaApplication;
import vn.motcua.postgres.ScratchDatabase;

/**
 * Full dossier lifecycles per second through MotCua's API beside the same BPMN on bare Camunda 7 through its REST API,
 * in the same run, on PostgreSQL; numbers, not a timed test. Skipped unless {@code -Dmotcua.benchmark=true}:
 *
 * <pre>mvn test -Dtest=LifecycleBenchmark -Dmotcua.benchmark=true -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * <p>Both run as separate JVMs (MotCua on the application's class path, bare Camunda on the tests') on fresh
 * databases of their own next to {@code -Dmotcua.benchmark.url} (default 127.0.0.1:5432/motcua_test): MotCua with the
 * demo organisation (and no demo history), bare Camunda ({@link BareCamunda}: the same engine and starter, history
 * FULL, no security) with MotCua's birth registration and dossier lifecycle stripped of what calls MotCua's beans
 * (service tasks become expressions, timers of the lifecycle are set far ahead as MotCua's are days ahead, no forms,
 * no due dates, no listeners).
 *
 * <p>A lifecycle: the receipt (MotCua: {@code POST /api/dossiers} as the clerk; bare: start the lifecycle process
 * with a business key), then the review, the approval and the return, each found in the caller's task list and
 * completed (MotCua: {@code GET /api/tasks?q=code} and {@code POST /api/tasks/{id}/complete} as the specialist, the
 * leader, the clerk with HTTP Basic on every call; bare: {@code GET /engine-rest/task?processInstanceBusinessKey=} and
 * {@code POST /engine-rest/task/{id}/complete}). {@code motcua.benchmark.clients} clients (8) in parallel; rounds
 * alternate (MotCua, bare with the lifecycle parent, bare without it), {@code motcua.benchmark.rounds} (3) of
 * {@code motcua.benchmark.lifecycles} (120) each after a warm-up; then the same for the receipt alone (intake). It
 * prints each round, the ratios, the start-up time of MotCua, and writes {@code target/benchmark-lifecycle.txt};
 * {@code -Dmotcua.benchmark.jfr=true} records MotCua's JVM with Flight Recorder ({@code target/benchmark-lifecycle/motcua.jfr}).
 */
class LifecycleBenchmark {
    private static final String UNIT = BirthRegistrationSample.WARD;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<ChildJvm> children = new ArrayList<>();
    private final StringBuilder report = new StringBuilder();
    private String motcua;
    private String bare;

    @AfterEach
    void stop() throws Exception {
        for (ChildJvm child : children) child.stop(Duration.ofSeconds(60));
    }

    @Test
    void lifecyclesThroughMotCuaBesideBareCamunda() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("motcua.benchmark"), "a benchmark: -Dmotcua.benchmark=true");
        int clients = Integer.getInteger("motcua.benchmark.clients", 8);
        int rounds = Integer.getInteger("motcua.benchmark.rounds", 3);
        int lifecycles = Integer.getInteger("motcua.benchmark.lifecycles", 120);
        String base = System.getProperty("motcua.benchmark.url", "jdbc:postgresql://127.0.0.1:5432/motcua_test");
        Path work = Path.of("target", "benchmark-lifecycle").toAbsolutePath();
        String motcuaDb = ScratchDatabase.fresh(base, "lc_motcua").withUnaccent().url();
        String bareDb = ScratchDatabase.fresh(base, "lc_bare").withUnaccent().url();

        int motcuaPort = ChildJvm.freePort();
        var motcuaJvm = new ArrayList<>(List.of("-Xmx1g"));
        if (Boolean.getBoolean("motcua.benchmark.jfr")) {
            motcuaJvm.add("-XX:StartFlightRecording=settings=profile,filename=" + work.resolve("motcua.jfr"));
        }
        List<String> motcuaArguments = vn.motcua.postgres.ApplicationNode.arguments(motcuaPort, motcuaDb,
                work.resolve("data-" + UUID.randomUUID()));
        var node = ChildJvm.start("motcua", MotCuaApplication.class.getName(), motcuaJvm, motcuaArguments, work, false);
        children.add(node);
        Duration started = node.awaitOk("http://127.0.0.1:" + motcuaPort + "/actuator/health/readiness", Duration.ofMinutes(5));
        motcua = "http://127.0.0.1:" + motcuaPort;

        int barePort = ChildJvm.freePort();
        var engine = ChildJvm.start("bare-camunda", BareCamunda.class.getName(), List.of("-Xmx1g"),
                List.of("--spring.config.location=optional:file:" + work.resolve("no-such-config.yml"),
                        "--server.port=" + barePort, "--spring.datasource.url=" + bareDb,
                        "--spring.datasource.username=postgres", "--spring.datasource.password=",
                        "--camunda.bpm.history-level=full", "--camunda.bpm.database.schema-update=true",
                        "--camunda.bpm.auto-deployment-enabled=false", "--spring.main.banner-mode=off",
                        "--logging.level.root=warn"), work, true);
        children.add(engine);
        engine.awaitOk("http://127.0.0.1:" + barePort + "/engine-rest/engine", Duration.ofMinutes(5));
        bare = "http://127.0.0.1:" + barePort + "/engine-rest";
        deployStripped();

        line("MotCua start-up (JVM start to readiness, demo organisation created, PostgreSQL): %.1f s", started.toMillis() / 1000.0);
        line("%d clients; each lifecycle: receipt, review, approval, return (4 writes, 3 task-list reads)", clients);
        run(clients, Math.max(16, lifecycles / 4), this::motcuaLifecycle);
        run(clients, Math.max(16, lifecycles / 4), () -> bareLifecycle(true));
        run(clients, Math.max(16, lifecycles / 4), () -> bareLifecycle(false));
        line("%-8s %14s %14s %14s %10s %10s", "round", "MotCua /s", "bare+parent /s", "bare /s", "ratio", "ratio");
        line("%-8s %14s %14s %14s %10s %10s", "", "", "", "", "M/bare+p", "M/bare");
        for (int r = 1; r <= rounds; r++) {
            double m = run(clients, lifecycles, this::motcuaLifecycle);
            double bp = run(clients, lifecycles, () -> bareLifecycle(true));
            double b = run(clients, lifecycles, () -> bareLifecycle(false));
            line("%-8s %14.1f %14.1f %14.1f %10.2f %10.2f", "life " + r, m, bp, b, m / bp, m / b);
        }
        for (int r = 1; r <= rounds; r++) {
            double m = run(clients, lifecycles, this::motcuaReceipt);
            double bp = run(clients, lifecycles, () -> bareStart(true));
            line("%-8s %14.1f %14.1f %14s %10.2f %10s", "intake " + r, m, bp, "", m / bp, "");
        }
        node.stop(Duration.ofSeconds(60));
        children.remove(node);
        engine.stop(Duration.ofSeconds(60));
        children.remove(engine);
        startUps(work, motcuaArguments, "http://127.0.0.1:" + motcuaPort + "/actuator/health/readiness");
        Files.writeString(Path.of("target", "benchmark-lifecycle.txt"), report.toString());
    }

    /**
     * Restarts on the data the first start made, as a node restarts or joins: twice on the plain class path and
     * twice with a class-data archive written by a training run that stops once the application context is up
     * ({@code -XX:ArchiveClassesAtExit} with {@code -Dspring.context.exit=onRefresh}, what the Docker image's build
     * does), alternating. The application's classes are in a jar in both, as in the packaged application.
     */
    private void startUps(Path work, List<String> arguments, String readiness) throws Exception {
        String classpath = ChildJvm.applicationJarClassPath(work);
        Path archive = work.resolve("motcua.jsa");
        Files.deleteIfExists(archive);
        var training = ChildJvm.start("motcua-training", classpath, MotCuaApplication.class.getName(),
                List.of("-Xmx1g", "-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh"),
                arguments, work);
        children.add(training);
        assertThat(training.process().waitFor(5, java.util.concurrent.TimeUnit.MINUTES)).as("training run ends").isTrue();
        children.remove(training);
        assertThat(archive).as(training.tail()).isRegularFile();
        line("MotCua restart on its data (same PostgreSQL, classes in a jar), JVM start to readiness:");
        for (int r = 1; r <= 2; r++) {
            for (boolean archived : new boolean[] {false, true}) {
                var options = new ArrayList<>(List.of("-Xmx1g"));
                if (archived) options.add("-XX:SharedArchiveFile=" + archive);
                var restarted = ChildJvm.start("motcua-restart", classpath, MotCuaApplication.class.getName(), options,
                        arguments, work);
                children.add(restarted);
                Duration took = restarted.awaitOk(readiness, Duration.ofMinutes(5));
                restarted.stop(Duration.ofSeconds(60));
                children.remove(restarted);
                line("  %-40s %.1f s", archived ? "with the class-data archive" : "plain", took.toMillis() / 1000.0);
            }
        }
    }

    // --- MotCua ---

    private void motcuaLifecycle() throws Exception {
        String code = motcuaReceipt();
        complete("specialist", code, Map.of("documentsComplete", true, "reviewOpinion", "Hồ sơ hợp lệ, đề nghị phê duyệt"));
        complete("leader", code, Map.of("decision", "APPROVE"));
        complete("clerk", code, Map.of("resultHandedOver", true, "receiverName", "Trần Thị Mỹ Lệ"));
    }

    private String motcuaReceipt() throws Exception {
        var request = new HashMap<String, Object>();
        request.put("procedureCode", BirthRegistrationSample.PROCEDURE);
        request.put("channel", "IN_PERSON");
        request.put("applicant", Map.of("fullName", "Trần Thị Mỹ Lệ", "phone", "0912345678"));
        request.put("data", BirthRegistrationSample.intakeData());
        request.put("checkedComponents", BirthRegistrationSample.CHECKED);
        var answer = send("clerk", "POST", motcua + "/api/dossiers", request);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return json.readTree(answer.body()).get("code").asText();
    }

    private void complete(String user, String code, Map<String, Object> data) throws Exception {
        var tasks = send(user, "GET", motcua + "/api/tasks?q=" + code + "&size=5", null);
        assertThat(tasks.statusCode()).as(tasks.body()).isEqualTo(200);
        JsonNode items = json.readTree(tasks.body()).get("items");
        assertThat(items.size()).as(user + "'s task of " + code).isEqualTo(1);
        var done = send(user, "POST", motcua + "/api/tasks/" + items.get(0).get("id").asText() + "/complete", Map.of("data", data));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
    }

    // --- bare Camunda ---

    private void bareLifecycle(boolean parent) throws Exception {
        String key = bareStart(parent);
        bareComplete(key, Map.of("documentsComplete", true, "reviewOpinion", "Hồ sơ hợp lệ, đề nghị phê duyệt"));
        bareComplete(key, Map.of("decision", "APPROVE"));
        bareComplete(key, Map.of("resultHandedOver", true, "receiverName", "Trần Thị Mỹ Lệ"));
    }

    private String bareStart(boolean parent) throws Exception {
        String key = UUID.randomUUID().toString();
        var variables = new HashMap<String, Object>();
        variables.put("unit", Map.of("value", UNIT));
        variables.put("procedureProcess", Map.of("value", "birth-registration"));
        var answer = send(null, "POST", bare + "/process-definition/key/" + (parent ? "dossier-lifecycle" : "birth-registration")
                + "/start", Map.of("businessKey", key, "variables", variables));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return key;
    }

    private void bareComplete(String key, Map<String, Object> values) throws Exception {
        var tasks = send(null, "GET", bare + "/task?processInstanceBusinessKey=" + key, null);
        assertThat(tasks.statusCode()).as(tasks.body()).isEqualTo(200);
        JsonNode items = json.readTree(tasks.body());
        assertThat(items.size()).as("the task of " + key).isEqualTo(1);
        var variables = new HashMap<String, Object>();
        values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
        var done = send(null, "POST", bare + "/task/" + items.get(0).get("id").asText() + "/complete", Map.of("variables", variables));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
    }

    /**
     * MotCua's birth registration and dossier lifecycle without what calls MotCua's beans: service tasks evaluate
     * {@code ${true}}, the lifecycle's timers are set ten years ahead (MotCua's are days ahead: neither fires), and
     * forms, due dates and listeners are left out; gateways, candidate groups and the call activity stay.
     */
    private void deployStripped() throws Exception {
        String boundary = "bench" + UUID.randomUUID().toString().replace("-", "");
        var body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nmotcua-bare\r\n")
                .getBytes(StandardCharsets.UTF_8));
        for (String file : List.of("processes/birth-registration/birth-registration.bpmn", "processes/_shared/dossier-lifecycle.bpmn")) {
            String name = Path.of(file).getFileName().toString();
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + name
                    + "\"\r\nContent-Type: application/xml\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(stripped(Path.of(file)).getBytes(StandardCharsets.UTF_8));
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var answer = http.send(HttpRequest.newBuilder(URI.create(bare + "/deployment/create"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    static String stripped(Path bpmn) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var document = factory.newDocumentBuilder().parse(bpmn.toFile());
        String camunda = "http://camunda.org/schema/1.0/bpmn";
        var all = document.getElementsByTagName("*");
        var remove = new ArrayList<Node>();
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.hasAttributeNS(camunda, "delegateExpression")) {
                e.removeAttributeNS(camunda, "delegateExpression");
                e.setAttributeNS(camunda, "camunda:expression", "${true}");
            }
            for (String attribute : List.of("dueDate", "formRef", "formRefBinding", "formKey")) e.removeAttributeNS(camunda, attribute);
            if (camunda.equals(e.getNamespaceURI()) && (e.getLocalName().equals("taskListener") || e.getLocalName().equals("executionListener"))) {
                remove.add(e);
            }
            if (e.getLocalName().equals("timeDate") && e.getTextContent().contains("${")) e.setTextContent("2036-01-01T00:00:00");
        }
        for (Node n : remove) n.getParentNode().removeChild(n);
        var out = new StringWriter();
        TransformerFactory.newInstance().newTransformer().transform(new DOMSource(document), new StreamResult(out));
        return out.toString();
    }

    // --- running and measuring ---

    private interface Step {
        void run() throws Exception;
    }

    /** Runs {@code total} steps on {@code clients} threads; the steps per second. */
    private static double run(int clients, int total, Step step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            var tasks = new ArrayList<Callable<Void>>();
            for (int i = 0; i < total; i++) tasks.add(() -> { step.run(); return null; });
            long start = System.nanoTime();
            for (Future<Void> f : pool.invokeAll(tasks)) f.get();
            return total / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private HttpResponse<String> send(String user, String method, String url, Object body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        if (body != null) request.header("Content-Type", "application/json");
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        System.out.println(text);
        report.append(text).append('\n');
    }
}
