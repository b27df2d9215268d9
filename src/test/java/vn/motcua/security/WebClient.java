package vn.motcua.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a browser: one cookie jar, redirects not followed, and (optionally) a client address forwarded
 * by the local "proxy" (the tests' own requests come from 127.0.0.1, a trusted proxy address), so that each test
 * counts its failed sign-ins against an address of its own.
 */
final class WebClient {
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final String base;
    private final String clientAddress;
    private final HttpClient http;
    private final Map<String, String> headers = new LinkedHashMap<>();

    WebClient(int port, String clientAddress) {
        this.base = "http://localhost:" + port;
        this.clientAddress = clientAddress;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    WebClient header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> getAs(String username, String password, String path) throws IOException, InterruptedException {
        return http.send(request(path).header("Authorization", basic(username, password)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> deleteAs(String username, String password, String path) throws IOException, InterruptedException {
        return http.send(request(path).header("Authorization", basic(username, password)).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A form POST as a browser sends it, from a page of {@code origin}. */
    HttpResponse<String> postForm(String path, Map<String, String> fields, String origin) throws IOException, InterruptedException {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(request(path).header("Content-Type", "application/x-www-form-urlencoded").header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Opens the login page and reads the session's CSRF token from its {@code _csrf} meta tag. */
    String loginPageToken() throws IOException, InterruptedException {
        var page = get("/login");
        Matcher token = CSRF_META.matcher(page.body());
        if (!token.find()) throw new AssertionError("no _csrf meta tag on the login page: " + page.statusCode());
        return token.group(1);
    }

    /** Signs in through the login form with the page's token; answers the redirect's target. */
    String signInWithForm(String username, String password) throws IOException, InterruptedException {
        String token = loginPageToken();
        var answer = postForm("/login", Map.of("username", username, "password", password, "_csrf", token), base);
        return answer.headers().firstValue("Location").orElse("(status " + answer.statusCode() + ")");
    }

    String base() { return base; }

    private HttpRequest.Builder request(String path) {
        var builder = HttpRequest.newBuilder(URI.create(base + path));
        if (clientAddress != null) builder.header("X-Forwarded-For", clientAddress);
        headers.forEach(builder::header);
        return builder;
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
