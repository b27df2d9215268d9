package vn.motcua.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.MotCuaTest;

/**
 * What the API answers to requests no handler takes: odd or overlong addresses and unknown paths get a 4xx in JSON,
 * never the application's HTML page, a 500 or a stack trace. Sent over a raw socket, so that the address reaches the
 * server exactly as written.
 */
@MotCuaTest
class ApiErrorsTest {
    @LocalServerPort int port;
    @Autowired ObjectMapper json;

    record Answer(int status, String contentType, String body) { }

    @Test
    void anUnknownAddressUnderApiIs404InJsonForASignedInCaller() throws Exception {
        for (String method : List.of("GET", "POST", "PUT", "DELETE")) {
            Answer answer = send(method, "/api/nope", "clerk");
            assertJsonError(answer, 404);
            assertThat(parse(answer).get("message").asText()).contains("/api/nope");
        }
        assertJsonError(send("GET", "/api/dossiers/000.01.15.H33-261127-0001/nope", "clerk"), 404);
        assertJsonError(send("GET", "/api/nope", null), 401);
        assertThat(send("DELETE", "/api/dossiers", "clerk").status()).as("a known address, another method").isEqualTo(405);
    }

    @Test
    void oddAddressesAre400InJsonWithoutAStackTrace() throws Exception {
        for (String target : List.of("//engine-rest/user", "//api/dossiers", "/api/dossiers;x=y/abc", "/api/..;/",
                "/api/dossiers/%2e%2e/tasks", "/engine-rest//user")) {
            for (String user : new String[] {"admin", null}) {
                Answer answer = send("GET", target, user);
                assertJsonError(answer, 400);
                assertThat(parse(answer).get("message").asText()).as(target).isNotBlank();
            }
        }
    }

    @Test
    void invalidInputIsAProblemDetailNamingTheOffendingField() throws Exception {
        Answer answer = send("POST", "/api/dossiers", "clerk");
        assertJsonError(answer, 400);
        JsonNode problem = parse(answer);
        assertThat(problem.get("type").asText()).isEqualTo("urn:motcua:problem:invalid-input");
        assertThat(problem.get("title").asText()).isEqualTo("Bad Request");
        assertThat(problem.get("instance").asText()).isEqualTo("/api/dossiers");
        assertThat(problem.get("field").asText()).isNotBlank();
        assertThat(problem.get("errors")).isNotEmpty();
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo(problem.get("field").asText());
    }

    @Test
    void anOverlongAddressIs400InJson() throws Exception {
        for (int length : new int[] {9_000, 20_000}) {
            Answer answer = send("GET", "/api/dossiers?q=" + "a".repeat(length), "clerk");
            assertJsonError(answer, 400);
        }
    }

    private void assertJsonError(Answer answer, int status) throws IOException {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).as(answer.body()).startsWith("application/problem+json");
        JsonNode error = parse(answer);
        assertThat(error.get("status").asInt()).isEqualTo(status);
        assertThat(error.get("message").asText()).isNotBlank();
        // RFC 9457 problem details, MotCua's own members beside them
        assertThat(error.get("type").asText()).startsWith("urn:motcua:problem:");
        assertThat(error.get("title").asText()).isNotBlank();
        assertThat(error.get("detail").asText()).isEqualTo(error.get("message").asText());
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("<html");
    }

    Answer send(String method, String target, String user) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            StringBuilder request = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                    .append("Host: localhost\r\n").append("Accept: application/json\r\n")
                    .append("Accept-Language: vi\r\n").append("Connection: close\r\n");
            if (user != null) {
                request.append("Authorization: Basic ")
                        .append(Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8))).append("\r\n");
            }
            if (method.equals("POST")) request.append("Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
            else request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] all = in.readAllBytes();
            int headerEnd = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
            String head = new String(all, 0, headerEnd < 0 ? all.length : headerEnd, StandardCharsets.ISO_8859_1);
            byte[] body = headerEnd < 0 ? new byte[0] : java.util.Arrays.copyOfRange(all, headerEnd + 4, all.length);
            int status = Integer.parseInt(head.split(" ")[1]);
            String type = null;
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase().startsWith("content-type:")) type = line.substring(13).trim();
            }
            if (head.toLowerCase().contains("transfer-encoding: chunked")) body = dechunk(body);
            return new Answer(status, type, new String(body, StandardCharsets.UTF_8));
        }
    }

    private static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] crlf = "\r\n".getBytes(StandardCharsets.ISO_8859_1);
        int i = 0;
        while (i < body.length) {
            int eol = indexOf(body, crlf, i);
            if (eol < 0) break;
            int size = Integer.parseInt(new String(body, i, eol - i, StandardCharsets.ISO_8859_1).trim(), 16);
            if (size == 0) break;
            out.write(body, eol + 2, size);
            i = eol + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) if (data[i + j] != pattern[j]) continue outer;
            return i;
        }
        return -1;
    }

    JsonNode parse(Answer a) throws IOException { return json.readTree(a.body()); }
}
