package vn.motcua.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.router.InternalServerError;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.VaadinServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import kotlin.jvm.functions.Function0;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import vn.motcua.BirthRegistrationSample;
import vn.motcua.LandTransferSample;
import vn.motcua.MotCuaTest;
import vn.motcua.TestUsers;
import vn.motcua.attachment.AttachmentService;
import vn.motcua.attachment.TestDocuments;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierAction;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.ReceiveDossier;
import vn.motcua.organisation.OrganisationService;
import vn.motcua.organisation.Role;
import vn.motcua.security.SystemAccess;
import vn.motcua.security.ui.LoginView;
import vn.motcua.tasklist.TaskListService;

/**
 * The security smoke test: every REST endpoint and every Vaadin route of the running application, discovered from the
 * application itself, called as anonymous, each role, a user of another unit, a citizen who is not the owner and a
 * user whose only link to the dossier is an open step; each answer must be the one the access table
 * (src/test/resources/security/access-table.txt) gives, and an endpoint or route without a row fails the build.
 */
@MotCuaTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecuritySmokeTest {
    private static final Routes ROUTES = new Routes().autoDiscoverViews("vn.motcua");

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired TestUsers users;
    @Autowired DossierService dossiers;
    @Autowired vn.motcua.attachment.StagedUploadService staged;
    @Autowired TaskListService tasks;
    @Autowired AttachmentService attachments;
    @Autowired OrganisationService organisation;

    private final AccessTable table = AccessTable.read();
    /** One client per caller, each keeping its own session cookie as a browser or a script would. */
    private final Map<String, HttpClient> clients = new java.util.concurrent.ConcurrentHashMap<>();
    /** What the placeholders stand for: the ward's dossier for everyone, another unit's dossier for `tax`. */
    private Subject ward;
    private Subject stepOnly;

    private record Subject(String dossier, String task, long attachment) {
        String fill(String path) {
            return path.replace("$DOSSIER", dossier).replace("$TASK", task).replace("$ATTACHMENT", String.valueOf(attachment));
        }
    }

    @BeforeAll
    void dossiersToAskAbout() {
        SystemAccess.run(() -> {
            ensureUser("citizen2", null, Role.CITIZEN);
        });
        LandTransferSample.ensureStaff(organisation);
        try {
            // The citizen's own birth registration, submitted online to the ward and accepted by its clerk
            users.signInAs("citizen");
            var submitted = dossiers.receive(vn.motcua.Intakes.uploaded(new ReceiveDossier(BirthRegistrationSample.PROCEDURE, Channel.ONLINE,
                    new Applicant("Ngô Thị Công Dân", null, "0987654321", null, null), BirthRegistrationSample.intakeData(),
                    BirthRegistrationSample.WARD, List.of()), staged));
            users.signInAs("clerk");
            dossiers.act(submitted.code(), DossierAction.ACCEPT, null);
            ward = new Subject(submitted.code(), openTask("specialist", submitted.code()), attach("clerk", submitted.code()));

            // Another unit's land transfer, waiting in the tax office's step
            users.signInAs("landclerk");
            var land = dossiers.receive(vn.motcua.Intakes.checked(new ReceiveDossier(LandTransferSample.PROCEDURE, Channel.IN_PERSON,
                    new Applicant("Nguyễn Văn An", null, "0912345678", null, null), LandTransferSample.intakeData(), null, List.of())));
            users.signInAs("landofficer");
            tasks.complete(openTask("landofficer", land.code()), LandTransferSample.conditionsChecked());
            stepOnly = new Subject(land.code(), openTask("tax", land.code()), attach("landclerk", land.code()));
        } finally {
            users.signOut();
        }
    }

    @AfterAll
    void signOut() { users.signOut(); }

    @Test
    void everyEndpointOfTheApplicationHasItsRowInTheAccessTable() {
        assertThat(table.keys(AccessTable.Kind.REST))
                .as("rows of %s against the request mappings of the running application", AccessTable.RESOURCE)
                .containsExactlyInAnyOrderElementsOf(discoveredEndpoints());
    }

    @Test
    void everyRouteOfTheApplicationHasItsRowInTheAccessTable() {
        MockVaadin.setup(ui(), new MockSpringServlet(ROUTES, context, ui()));
        try {
            Set<String> routes = new TreeSet<>();
            RouteConfiguration.forApplicationScope().getAvailableRoutes().forEach(r -> routes.add(r.getTemplate()));
            assertThat(table.keys(AccessTable.Kind.ROUTE))
                    .as("rows of %s against the routes of the running application", AccessTable.RESOURCE)
                    .containsExactlyInAnyOrderElementsOf(routes);
        } finally {
            MockVaadin.tearDown();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointAnswersEachCallerAsTheTableSays() {
        return table.of(AccessTable.Kind.REST).stream().map(row -> DynamicTest.dynamicTest(row.toString(), () -> {
            List<String> wrong = new ArrayList<>();
            for (String caller : AccessTable.CALLERS) {
                String path = subjectOf(caller).fill(row.samplePath());
                check(caller, row.method(), path, row.body(), row.expectedFor(caller), wrong);
            }
            assertThat(wrong).as("line %d of %s", row.line(), AccessTable.RESOURCE).isEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyResourceOfCamundasRestApiIsForAdministratorsOnly() {
        var row = table.of(AccessTable.Kind.ENGINE_REST).get(0);
        List<String> resources = engineRestResources();
        assertThat(resources).as("resources of Camunda's REST API found in its Jersey application").hasSizeGreaterThan(20);
        return resources.stream().map(path -> DynamicTest.dynamicTest("GET " + path, () -> {
            List<String> wrong = new ArrayList<>();
            for (String caller : AccessTable.CALLERS) check(caller, "GET", path, "-", row.expectedFor(caller), wrong);
            assertThat(wrong).as("line %d of %s", row.line(), AccessTable.RESOURCE).isEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicTest> camundasWebappsAreForAdministratorsOnly() {
        return table.of(AccessTable.Kind.CAMUNDA).stream().map(row -> DynamicTest.dynamicTest(row.toString(), () -> {
            List<String> wrong = new ArrayList<>();
            for (String caller : AccessTable.CALLERS) check(caller, "GET", row.samplePath(), "-", row.expectedFor(caller), wrong);
            assertThat(wrong).as("line %d of %s", row.line(), AccessTable.RESOURCE).isEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyRouteOpensForEachCallerAsTheTableSays() {
        return table.of(AccessTable.Kind.ROUTE).stream().map(row -> DynamicTest.dynamicTest(row.toString(), () -> {
            List<String> wrong = new ArrayList<>();
            for (String caller : AccessTable.CALLERS) {
                String path = subjectOf(caller).fill(row.samplePath());
                String outcome = visit(caller, path);
                if (!outcome.equals(row.expectedFor(caller))) {
                    wrong.add(caller + " at /" + path + ": expected " + row.expectedFor(caller) + ", saw " + outcome);
                }
            }
            assertThat(wrong).as("line %d of %s", row.line(), AccessTable.RESOURCE).isEmpty();
        }));
    }

    // --- calling the application

    private void check(String caller, String method, String path, String body, String expected, List<String> wrong) {
        HttpResponse<String> response = call(caller, method, path, body);
        int status = response.statusCode();
        boolean ok = expected.equals("allowed")
                ? status != 401 && status != 403 && status < 500
                : String.valueOf(status).equals(expected);
        if (!ok) {
            String text = response.body() == null ? "" : response.body();
            wrong.add(caller + " " + method + " " + path + ": expected " + expected + ", answered " + status
                    + (text.isBlank() ? "" : " " + text.substring(0, Math.min(200, text.length())).replace('\n', ' ')));
        }
    }

    private HttpResponse<String> call(String caller, String method, String path, String body) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(60));
        if (!caller.equals("anon")) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((caller + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        if (body.equals("-")) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else if (body.equals("multipart")) {
            String boundary = "motcua-smoke-boundary";
            String form = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"rong.pdf\"\r\n"
                    + "Content-Type: application/pdf\r\n\r\n\r\n--" + boundary + "--\r\n";
            request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .method(method, HttpRequest.BodyPublishers.ofString(form));
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            HttpClient client = clients.computeIfAbsent(caller, c -> HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NEVER).cookieHandler(new java.net.CookieManager())
                    .connectTimeout(Duration.ofSeconds(10)).build());
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError(caller + " " + method + " " + path + " failed: " + e, e);
        }
    }

    /** Opens a route as the caller in a Vaadin UI without a browser, and says what the caller saw. */
    private String visit(String caller, String path) {
        MockVaadin.setup(ui(), new MockSpringServlet(ROUTES, context, ui()));
        try {
            if (!caller.equals("anon")) {
                var auth = users.signInAs(caller);
                var request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
                request.setUserPrincipalInt(auth);
                request.setUserInRole((principal, role) -> auth.getAuthorities().stream()
                        .anyMatch(a -> a.getAuthority().equals("ROLE_" + role)));
            }
            try {
                UI.getCurrent().navigate(path);
            } catch (Throwable refused) {
                return outcomeOfRefusal(refused);
            }
            List<HasElement> chain = UI.getCurrent().getInternals().getActiveRouterTargetsChain();
            if (chain.isEmpty()) return "NOTHING";
            HasElement view = chain.get(0);
            if (view instanceof LoginView && !path.equals("login")) return "LOGIN";
            if (view instanceof Component c && saysNotFound(c)) return "NOTFOUND";
            // the application's own access-denied page (Vaadin's navigation access control, or a service's refusal)
            if (view instanceof vn.motcua.security.ui.AccessDeniedView || view instanceof vn.motcua.security.ui.ForbiddenView) {
                return "DENIED";
            }
            // Karibu's access-denied error view fails on purpose, and Vaadin shows that failure as an internal error
            if (view instanceof InternalServerError error && error.getElement().getOuterHTML().contains("AccessDenied")) return "DENIED";
            String name = view.getClass().getName();
            if (!name.startsWith("vn.motcua.")) return "ERROR(" + view.getClass().getSimpleName() + ")";
            return "SHOWN";
        } finally {
            users.signOut();
            MockVaadin.tearDown();
        }
    }

    private static String outcomeOfRefusal(Throwable refused) {
        for (Throwable t = refused; t != null; t = t.getCause()) {
            String text = String.valueOf(t.getMessage()) + t.getClass().getName();
            if (text.contains("AccessDenied")) return "DENIED";
        }
        return "ERROR(" + refused + ")";
    }

    private static boolean saysNotFound(Component view) {
        if (view instanceof H2 heading) return heading.getText().startsWith("Không tìm thấy");
        return view.getChildren().anyMatch(SecuritySmokeTest::saysNotFound);
    }

    private static Function0<UI> ui() { return UI::new; }

    private Subject subjectOf(String caller) { return caller.equals("tax") ? stepOnly : ward; }

    // --- what the application serves

    /** METHOD pattern of every request mapping of the application's handler mappings (its controllers, actuator, API docs). */
    private Set<String> discoveredEndpoints() {
        Set<String> endpoints = new TreeSet<>();
        for (var mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                var methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    if (methods.isEmpty()) endpoints.add("ANY " + pattern);
                    else methods.forEach(m -> endpoints.add(m.name() + " " + pattern));
                }
            }
        }
        return endpoints;
    }

    /** Every collection resource of Camunda's REST API, from the root resources of its Jersey application. */
    private List<String> engineRestResources() {
        Set<String> paths = new TreeSet<>();
        for (ResourceConfig config : context.getBeansOfType(ResourceConfig.class).values()) {
            for (Class<?> type : config.getClasses()) {
                Path root = type.getAnnotation(Path.class);
                if (root == null) continue;
                for (Method method : type.getMethods()) {
                    Path sub = method.getAnnotation(Path.class);
                    // sub-resource locators (a @Path without a method designator) lead to the engine's resources
                    if (sub == null || sub.value().contains("{") || method.isAnnotationPresent(GET.class)
                            || method.isAnnotationPresent(POST.class)) continue;
                    paths.add(("/engine-rest/" + root.value() + "/" + sub.value()).replaceAll("/+", "/").replaceAll("/$", ""));
                }
            }
        }
        return List.copyOf(paths);
    }

    // --- the fixture

    private void ensureUser(String username, String unitIdentifier, Role role) {
        if (organisation.user(username).isPresent()) return;
        var unit = unitIdentifier == null ? null : organisation.unitByIdentifier(unitIdentifier).orElseThrow();
        organisation.createUser(username, "demo", "Người Thử " + username, username + "@test.motcua.vn", unit, EnumSet.of(role));
    }

    private String openTask(String username, String dossierCode) {
        users.signInAs(username);
        return tasks.tasksOf(dossierCode).stream().findFirst()
                .orElseThrow(() -> new AssertionError("no task of " + dossierCode + " for " + username)).id();
    }

    /**
     * A file on the dossier, uploaded by a user of its unit for the applicant to see (a staff's file is otherwise
     * internal: CitizenReachTest) and read by the extractor (so that its text exists).
     */
    private long attach(String username, String dossierCode) {
        users.signInAs(username);
        byte[] pdf = TestDocuments.pdf(List.of("Giấy chứng sinh", "Bệnh viện Đa khoa tỉnh Kiên Giang"));
        long id = attachments.upload(dossierCode, null, "giay-chung-sinh.pdf", new ByteArrayInputStream(pdf), true).id();
        await().atMost(Duration.ofSeconds(120)).until(() -> {
            users.signInAs(username);
            return attachments.get(dossierCode, id).state().isFinal();
        });
        return id;
    }
}
