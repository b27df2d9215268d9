package vn.motcua.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import oidcprovider.InTestOidcProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.motcua.BirthRegistrationSample;
import vn.motcua.Intakes;
import vn.motcua.MotCuaTest;
import vn.motcua.TestUsers;
import vn.motcua.attachment.StagedUploadService;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.ReceiveDossier;
import vn.motcua.organisation.CitizenIdentities;
import vn.motcua.organisation.OrganisationService;
import vn.motcua.organisation.Role;
import vn.motcua.shared.InvalidInputException;

/**
 * Citizens sign in with a national e-identity provider (issue 16, point 3), here an OpenID provider started inside the
 * test ({@link InTestOidcProvider}): the authorization code flow through MotCua's login, the first sign-in creating a
 * citizen account by the verified identity number (a username that is not the number), a second one reaching the same
 * account, a provider answer without a number refused, and the verified name and number filled in and enforced in the
 * citizen's online submissions. An *IT: its properties make an application context of its own, which runs in
 * failsafe's JVM on a database of its own (docs/stack.md, pitfall 16).
 */
@MotCuaTest
class EidSignInIT {
    @LocalServerPort int port;
    @Autowired org.springframework.context.ApplicationContext context;
    @Autowired TestUsers users;
    @Autowired CitizenIdentities identities;
    @Autowired OrganisationService organisation;
    @Autowired DossierService dossiers;
    @Autowired StagedUploadService staged;

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        // the provider's endpoints named (not discovered from its issuer): it starts after MotCua (InTestOidcProvider#issuer)
        String issuer = InTestOidcProvider.issuer();
        // a database and data folder of its own (failsafe's JVM; see docs/stack.md, pitfall 16)
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:motcua-eid;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000");
        registry.add("spring.datasource.username", () -> "sa");
        registry.add("spring.datasource.password", () -> "");
        registry.add("motcua.data-dir", () -> "target/test-data-eid");
        registry.add("spring.security.oauth2.client.registration.vneid.client-id", () -> "motcua");
        registry.add("spring.security.oauth2.client.registration.vneid.client-secret", () -> "motcua-secret");
        registry.add("spring.security.oauth2.client.registration.vneid.client-name", () -> "VNeID");
        registry.add("spring.security.oauth2.client.registration.vneid.scope", () -> "openid");
        registry.add("spring.security.oauth2.client.registration.vneid.authorization-grant-type", () -> "authorization_code");
        registry.add("spring.security.oauth2.client.registration.vneid.redirect-uri", () -> "{baseUrl}/login/oauth2/code/{registrationId}");
        registry.add("spring.security.oauth2.client.provider.vneid.authorization-uri", () -> issuer + "/oauth2/authorize");
        registry.add("spring.security.oauth2.client.provider.vneid.token-uri", () -> issuer + "/oauth2/token");
        registry.add("spring.security.oauth2.client.provider.vneid.jwk-set-uri", () -> issuer + "/oauth2/jwks");
        registry.add("spring.security.oauth2.client.provider.vneid.user-name-attribute", () -> "sub");
    }

    @org.junit.jupiter.api.BeforeEach
    void provider() { InTestOidcProvider.start(); }

    @AfterEach
    void signOut() { users.signOut(); }

    @Test
    void theFirstSignInCreatesTheCitizensAccountAndTheNextReachesTheSameOne() throws Exception {
        var browser = new Browser();
        String landing = browser.signIn("nguyenvanan");
        assertThat(landing).endsWith("/ho-so-cua-toi");
        assertThat(browser.get("/api/dossiers").statusCode()).as("signed in: the API answers the session").isEqualTo(200);

        users.signInAs("admin");
        String username = SystemAccess.call(() -> organisation.users()).stream()
                .filter(u -> u.fullName().equals("Nguyễn Văn An")).map(u -> u.username()).findFirst().orElseThrow();
        assertThat(username).startsWith("vneid-").doesNotContain("079090001234");
        var account = organisation.user(username).orElseThrow();
        assertThat(account.roles()).containsExactly(Role.CITIZEN);
        assertThat(SystemAccess.call(() -> identities.of(username)).orElseThrow().identityNumber()).isEqualTo("079090001234");

        var again = new Browser();
        again.signIn("nguyenvanan");
        assertThat(SystemAccess.call(() -> organisation.users()).stream().filter(u -> u.fullName().equals("Nguyễn Văn An")))
                .as("the same account, not a second one").hasSize(1);
        assertThat(again.get("/api/dossiers").statusCode()).isEqualTo(200);
    }

    @Test
    void aProviderAnswerWithoutAnIdentityNumberSignsNobodyIn() throws Exception {
        var browser = new Browser();
        String landing = browser.signIn("khongso");
        assertThat(landing).contains("/login?eid=identity");
        assertThat(browser.get("/api/dossiers").statusCode()).isEqualTo(401);
        users.signInAs("admin");
        assertThat(organisation.users()).noneMatch(u -> u.fullName().equals("Trần Không Số"));
    }

    @Test
    void theVerifiedNameAndNumberAreTheApplicantsOfTheCitizensOnlineSubmissions() throws Exception {
        new Browser().signIn("nguyenvanan");
        users.signInAs("admin");
        String username = organisation.users().stream().filter(u -> u.fullName().equals("Nguyễn Văn An"))
                .map(u -> u.username()).findFirst().orElseThrow();

        users.signInAs(username);
        var sample = BirthRegistrationSample.inPerson();
        var blank = new ReceiveDossier(sample.procedureCode(), Channel.ONLINE, new Applicant("", "", "0912345678", null, null),
                sample.data(), BirthRegistrationSample.WARD, List.of());
        var dossier = dossiers.receive(Intakes.uploaded(blank, staged));
        assertThat(dossier.applicant().fullName()).isEqualTo("Nguyễn Văn An");
        assertThat(dossier.applicant().idNumber()).isEqualTo("079090001234");
        assertThat(dossier.ownerUsername()).isEqualTo(username);

        var other = new ReceiveDossier(sample.procedureCode(), Channel.ONLINE,
                new Applicant("Nguyễn Văn An", "079090009999", "0912345678", null, null), sample.data(),
                BirthRegistrationSample.WARD, List.of());
        assertThatThrownBy(() -> dossiers.receive(Intakes.uploaded(other, staged)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(InvalidInputException.Violation::field).contains("applicant.idNumber"));
        var someoneElse = new ReceiveDossier(sample.procedureCode(), Channel.ONLINE,
                new Applicant("Lê Thị Khác", null, "0912345678", null, null), sample.data(),
                BirthRegistrationSample.WARD, List.of());
        assertThatThrownBy(() -> dossiers.receive(Intakes.uploaded(someoneElse, staged)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(InvalidInputException.Violation::field).contains("applicant.fullName"));

        // a local citizen account has no verified identity: its applicant is as given
        users.signInAs("citizen");
        assertThat(identities.of("citizen")).isEmpty();
    }

    @Test
    void theLoginPageOffersTheProviderAndTheSubmissionFormShowsTheVerifiedNameAndNumberLocked() throws Exception {
        new Browser().signIn("nguyenvanan");
        users.signInAs("admin");
        String username = organisation.users().stream().filter(u -> u.fullName().equals("Nguyễn Văn An"))
                .map(u -> u.username()).findFirst().orElseThrow();
        users.signOut();
        vn.motcua.ui.KaribuViews.setUp(context);
        try {
            com.vaadin.flow.component.UI.getCurrent().navigate("login");
            var eid = com.github.mvysny.kaributesting.v10.LocatorJ._get(com.vaadin.flow.component.html.Anchor.class,
                    spec -> spec.withId("login-eid-vneid"));
            assertThat(eid.getText()).isEqualTo("Đăng nhập bằng VNeID");
            assertThat(eid.getHref()).isEqualTo("oauth2/authorization/vneid");

            vn.motcua.ui.KaribuViews.signInAs(users, username);
            com.vaadin.flow.component.UI.getCurrent().navigate("submit");
            var name = com.github.mvysny.kaributesting.v10.LocatorJ._get(com.vaadin.flow.component.textfield.TextField.class,
                    spec -> spec.withId("applicant-fullName"));
            var number = com.github.mvysny.kaributesting.v10.LocatorJ._get(com.vaadin.flow.component.textfield.TextField.class,
                    spec -> spec.withId("applicant-idNumber"));
            assertThat(name.getValue()).isEqualTo("Nguyễn Văn An");
            assertThat(number.getValue()).isEqualTo("079090001234");
            assertThat(name.isReadOnly()).isTrue();
            assertThat(number.isReadOnly()).isTrue();
            assertThat(number.getHelperText()).isEqualTo("Đã xác thực qua định danh điện tử");
        } finally {
            vn.motcua.ui.KaribuViews.tearDown(users);
        }
    }

    /**
     * Issue 16's "done when", for the citizen: signed in through the provider, she submits online, pays through the
     * sandbox with her session (the repeated callback changes nothing), and downloads with her session a result that
     * pdfsig reports signed and unmodified.
     */
    @Test
    void aCitizenSignedInByTheProviderSubmitsPaysOnceAndDownloadsTheSignedResult() throws Exception {
        var browser = new Browser();
        browser.signIn("nguyenvanan");
        users.signInAs("admin");
        String username = organisation.users().stream().filter(u -> u.fullName().equals("Nguyễn Văn An"))
                .map(u -> u.username()).findFirst().orElseThrow();

        users.signInAs(username);
        String code = dossiers.receive(vn.motcua.CertifiedCopySample.online(new Applicant(null, null, "0912345678", null, null),
                staged)).code();
        users.signInAs("clerk");
        dossiers.act(code, vn.motcua.dossier.DossierAction.ACCEPT, null);
        dossiers.act(code, vn.motcua.dossier.DossierAction.REQUEST_PAYMENT, "Nộp phí chứng thực bản sao");
        users.signOut();

        var started = browser.postJson("/api/dossiers/" + code + "/payments", "{}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        String providerRef = json.readTree(started.body()).get("providerRef").asText();
        var paid = sandbox.settle(providerRef, vn.motcua.payment.PaymentStatus.PAID);
        assertThat(callback(paid)).contains("APPLIED");
        assertThat(callback(paid)).as("the repeated callback").contains("DUPLICATE");
        assertThat(SystemAccess.call(() -> dossiers.history(code))).filteredOn(e -> e.action().equals("CONFIRM_PAYMENT")).hasSize(1);

        complete("specialist", code, java.util.Map.of("originalChecked", true, "decision", "CERTIFY", "pageCount", 1,
                "copyCount", 2, "certificationNumber", "126/2026/SCT-BS"));
        complete("leader", code, java.util.Map.of("decision", "SIGN", "signerTitle", "Phó Chủ tịch UBND"));
        while (SystemAccess.call(() -> dossiers.get(code)).status() != vn.motcua.dossier.DossierStatus.PROCESSED) {
            var fee = SystemAccess.call(() -> dossiers.get(code)).feeAmount();
            complete("clerk", code, java.util.Map.of("amountCollected", fee == null ? 0 : fee.longValue(),
                    "paymentMethod", "ONLINE", "receiptNumber", "0001235"));
        }

        var result = browser.getBytes("/api/dossiers/" + code + "/result");
        assertThat(result.statusCode()).isEqualTo(200);
        java.nio.file.Path file = java.nio.file.Files.createTempFile("ket-qua", ".pdf");
        java.nio.file.Files.write(file, result.body());
        if (java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/pdfsig"))) {
            Process pdfsig = new ProcessBuilder("/usr/bin/pdfsig", file.toString()).redirectErrorStream(true).start();
            String report = new String(pdfsig.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            pdfsig.waitFor();
            assertThat(report).contains("Signature is Valid").contains("Total document signed");
        }
        assertThat(vn.motcua.attachment.internal.PdfSignatures.verify(file)).singleElement()
                .satisfies(c -> assertThat(c.valid() && c.coversWholeDocument()).isTrue());
        java.nio.file.Files.delete(file);
    }

    @Autowired vn.motcua.payment.internal.SandboxGateway sandbox;
    @Autowired vn.motcua.tasklist.TaskListService tasks;
    @Autowired com.fasterxml.jackson.databind.ObjectMapper json;
    @Autowired org.springframework.boot.test.web.client.TestRestTemplate rest;

    private void complete(String user, String code, java.util.Map<String, Object> data) {
        users.signInAs(user);
        tasks.complete(tasks.tasksOf(code).get(0).id(), data);
        users.signOut();
    }

    /** The payment service's signed callback, as it posts it. */
    private String callback(vn.motcua.payment.PaymentGateway.SignedCallback callback) {
        var headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        headers.set(vn.motcua.payment.internal.SandboxGateway.SIGNATURE_HEADER, callback.signature());
        return rest.postForEntity("/api/payments/callback", new org.springframework.http.HttpEntity<>(callback.body(), headers),
                String.class).getBody();
    }

    /** A browser: cookies kept per server, redirects followed by hand so that each hop is seen. */
    private final class Browser {
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        private final String base = "http://127.0.0.1:" + port;

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                            .header("Accept", path.startsWith("/api/") ? "application/json" : "text/html,application/xhtml+xml").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<byte[]> getBytes(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        }

        HttpResponse<String> postJson(String path, String body) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                    .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** The whole authorization code flow through the provider's login form; answers where MotCua sent the browser. */
        String signIn(String person) throws Exception {
            InTestOidcProvider.redirectUri = base + "/login/oauth2/code/vneid";
            var response = get("/oauth2/authorization/vneid");
            assertThat(response.statusCode()).as("MotCua sends the browser to the provider").isEqualTo(302);
            String location = follow(response.headers().firstValue("Location").orElseThrow());
            assertThat(location).as("the provider asks who it is").endsWith("/login");
            var form = get(location);
            var token = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"").matcher(form.body());
            assertThat(token.find()).as(form.body()).isTrue();
            String body = "username=" + person + "&password=" + URLEncoder.encode(InTestOidcProvider.PASSWORD, StandardCharsets.UTF_8)
                    + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
            var posted = http.send(HttpRequest.newBuilder(URI.create(location))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).isEqualTo(302);
            return follow(posted.headers().firstValue("Location").orElseThrow());
        }

        /** Follows redirects until a page that is not one (or MotCua's own pages), answering the last address. */
        private String follow(String location) throws Exception {
            for (int hops = 0; hops < 10; hops++) {
                if (location.startsWith("/")) location = base + location;
                if (location.endsWith("/login") && !location.startsWith(base)) return location; // the provider's login form
                if (location.startsWith(base) && !location.contains("/login/oauth2/code/")) return location;
                var response = get(location);
                if (response.statusCode() != 302) return location;
                location = response.headers().firstValue("Location").orElseThrow();
            }
            throw new AssertionError("too many redirects");
        }
    }
}
