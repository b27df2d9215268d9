package vn.motcua.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import vn.motcua.notification.NotificationChannel;
import vn.motcua.notification.NotificationChannel.Kind;

/**
 * The SMS and Zalo provider over HTTP posts each message to the provider's address, in the body the settings describe,
 * escaped for its content type, with the authorisation header; only a 2xx answer counts as sent; it says it cannot send
 * while no address is set. Checked against an HTTP server running inside the test.
 */
class HttpChannelTest {
    private static final NotificationChannel.Message MESSAGE = new NotificationChannel.Message("0912345678",
            "Hồ sơ đã được tiếp nhận", "Hồ sơ \"000.01.15.H33-261205-0001\" đã được tiếp nhận.\nHẹn trả: 08/12/2026.",
            "000.01.15.H33-261205-0001", "RECEIVED");

    private HttpServer server;
    private final List<String[]> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(200);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sms", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new String[] {exchange.getRequestMethod(), exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Authorization"), body});
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() { server.stop(0); }

    private String url() { return "http://127.0.0.1:" + server.getAddress().getPort() + "/sms"; }

    @Test
    void aMessageIsPostedAsJsonWithItsTextEscapedAndTheAuthorisationHeader() throws Exception {
        var channel = new HttpChannel(Kind.SMS, new HttpChannel.Settings(url(), null, null, "Bearer khoa-bi-mat", null));
        assertThat(channel.unavailableReason()).isNull();
        channel.send(MESSAGE);
        assertThat(received).hasSize(1);
        String[] request = received.get(0);
        assertThat(request[0]).isEqualTo("POST");
        assertThat(request[1]).isEqualTo("application/json");
        assertThat(request[2]).isEqualTo("Bearer khoa-bi-mat");
        JsonNode body = new ObjectMapper().readTree(request[3]);
        assertThat(body.get("to").asText()).isEqualTo("0912345678");
        assertThat(body.get("text").asText()).as("quotes, the line break and the diacritics survive").isEqualTo(MESSAGE.body());
        assertThat(body.get("reference").asText()).isEqualTo("000.01.15.H33-261205-0001");
    }

    @Test
    void aFormBodyOfTheProvidersOwnShapeIsUrlEncoded() throws Exception {
        var environment = new MockEnvironment()
                .withProperty("motcua.notifications.zalo.http.url", url())
                .withProperty("motcua.notifications.zalo.http.content-type", "application/x-www-form-urlencoded")
                .withProperty("motcua.notifications.zalo.http.body", "phone={to}&message={text}&ref={dossier}&tpl={template}")
                .withProperty("motcua.notifications.zalo.http.timeout", "3s");
        var settings = NotificationProviders.httpSettings(environment, "zalo");
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(3));
        new HttpChannel(Kind.ZALO, settings).send(MESSAGE);
        String body = received.get(0)[3];
        assertThat(body).startsWith("phone=0912345678&message=").endsWith("&tpl=RECEIVED");
        String message = body.substring(body.indexOf("message=") + 8, body.indexOf("&ref="));
        assertThat(URLDecoder.decode(message, StandardCharsets.UTF_8)).isEqualTo(MESSAGE.body());
        assertThat(received.get(0)[2]).as("no authorisation set, none sent").isNull();
    }

    @Test
    void anythingButTwoHundredIsAFailureThatSaysNeitherTheNumberNorTheText() {
        status.set(503);
        var channel = new HttpChannel(Kind.SMS, new HttpChannel.Settings(url(), null, null, null, null));
        assertThatThrownBy(() -> channel.send(MESSAGE)).isInstanceOf(IOException.class)
                .hasMessageContaining("503").hasMessageNotContaining("0912345678").hasMessageNotContaining("tiếp nhận");
    }

    @Test
    void withoutAnAddressTheChannelSaysItCannotSend() {
        assertThat(new HttpChannel(Kind.SMS, new HttpChannel.Settings("", null, null, null, null)).unavailableReason())
                .isEqualTo("motcua.notifications.sms.http.url is not set");
        assertThat(new HttpChannel(Kind.ZALO, new HttpChannel.Settings("ftp://sms.example.vn", null, null, null, null))
                .unavailableReason()).isEqualTo("motcua.notifications.zalo.http.url is not an http(s) address");
    }
}
