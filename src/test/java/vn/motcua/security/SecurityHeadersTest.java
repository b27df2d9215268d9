package vn.motcua.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.BirthRegistrationSample;
import vn.motcua.MotCuaTest;
import vn.motcua.TestUsers;
import vn.motcua.dossier.DossierService;

/**
 * The headers every answer carries: a Content-Security-Policy fit for each part (the Vaadin application, the JSON
 * API, Swagger UI), Referrer-Policy and Permissions-Policy; behind a TLS proxy (X-Forwarded-Proto: https from a
 * trusted proxy address) the session cookie is Secure and HSTS is sent.
 */
@MotCuaTest
class SecurityHeadersTest {
    @LocalServerPort int port;
    @Autowired DossierService dossiers;
    @Autowired TestUsers users;

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    @Test
    void theApplicationsPagesAllowOnlyTheirOwnScriptsStylesAndFrames() throws Exception {
        var page = new WebClient(port, null).get("/login");
        assertThat(page.statusCode()).isEqualTo(200);
        String csp = header(page, "Content-Security-Policy");
        assertThat(csp).isNotNull();
        assertThat(List.of(csp.split(";\\s*"))).contains(
                "default-src 'self'",
                // Vaadin Flow's bootstrap is inline and its client evaluates the server's JavaScript calls
                "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
                "style-src 'self' 'unsafe-inline'",
                "img-src 'self' data: blob:",
                "frame-ancestors 'self'",
                "base-uri 'self'",
                "form-action 'self'");
        assertThat(header(page, "Referrer-Policy")).isEqualTo("same-origin");
        assertThat(header(page, "Permissions-Policy")).contains("camera=()", "microphone=()", "geolocation=()");
        assertThat(header(page, "X-Frame-Options")).isEqualTo("SAMEORIGIN");
    }

    @Test
    void theApiLetsNothingLoadAndSwaggerUiOnlyItsOwnFiles() throws Exception {
        var client = new WebClient(port, null);
        var api = client.get("/api/procedures");
        assertThat(header(api, "Content-Security-Policy")).startsWith("default-src 'none'").contains("frame-ancestors 'none'");
        assertThat(header(api, "X-Frame-Options")).isEqualTo("DENY");
        assertThat(header(api, "Referrer-Policy")).isEqualTo("same-origin");
        assertThat(header(api, "Permissions-Policy")).contains("camera=()");

        var swagger = client.get("/swagger-ui/index.html");
        assertThat(swagger.statusCode()).as("Swagger UI is on with the demo profile").isEqualTo(200);
        assertThat(header(swagger, "Content-Security-Policy")).contains("script-src 'self';", "style-src 'self' 'unsafe-inline'")
                .doesNotContain("unsafe-eval");
    }

    @Test
    void pdfDocumentsAreLeftToTheBrowsersViewerWithoutAPagePolicy() throws Exception {
        users.signInAs("clerk");
        String code;
        try {
            code = dossiers.receive(BirthRegistrationSample.inPerson()).code();
        } finally {
            users.signOut();
        }
        var pdf = new WebClient(port, null).getAs("clerk", "demo", "/api/dossiers/" + code + "/documents/01");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(header(pdf, "Content-Type")).startsWith("application/pdf");
        assertThat(header(pdf, "Content-Security-Policy")).isNull();
        assertThat(header(pdf, "X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void behindATlsProxyTheSessionCookieIsSecureAndHstsIsSent() throws Exception {
        var proxied = new WebClient(port, null).header("X-Forwarded-Proto", "https").get("/login");
        assertThat(header(proxied, "Strict-Transport-Security")).as("HSTS").startsWith("max-age=");
        assertThat(sessionCookie(proxied)).as("session cookie").contains("Secure", "HttpOnly", "SameSite=Lax");

        var plain = new WebClient(port, null).get("/login");
        assertThat(header(plain, "Strict-Transport-Security")).as("no HSTS over plain HTTP").isNull();
        assertThat(sessionCookie(plain)).doesNotContain("Secure");
    }

    @Test
    void camundasWebappsKeepTheirOwnPolicyAndGetTheOtherHeaders() throws Exception {
        var cockpit = new WebClient(port, null).getAs("admin", "demo", "/camunda/app/cockpit/default/");
        assertThat(cockpit.statusCode()).isEqualTo(200);
        assertThat(header(cockpit, "Content-Security-Policy")).as("Camunda's own policy, with its per-page nonce")
                .contains("'strict-dynamic'", "'nonce-");
        assertThat(header(cockpit, "Referrer-Policy")).isEqualTo("same-origin");
        assertThat(header(cockpit, "Permissions-Policy")).contains("camera=()");
    }

    private static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie: " + response.headers().map()));
    }
}
