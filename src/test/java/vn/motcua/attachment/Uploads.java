package vn.motcua.attachment;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** Uploads through the REST API as a demo user, and waiting for extraction. */
final class Uploads {
    /** The first extraction also starts the forked JVM. */
    static final Duration EXTRACTION = Duration.ofSeconds(120);

    private final TestRestTemplate http;
    private final ObjectMapper json;

    Uploads(TestRestTemplate http, ObjectMapper json) {
        // The JDK's client: the default reactive client can stall writing a streamed body of more than a few
        // hundred kilobytes from its own event loop
        this.http = new TestRestTemplate(new RestTemplateBuilder().rootUri(http.getRootUri())
                .requestFactory(() -> new JdkClientHttpRequestFactory()));
        this.json = json;
    }

    ResponseEntity<String> upload(String user, String dossierCode, String fileName, byte[] content, String component) {
        return upload(user, dossierCode, named(content, fileName), component, null);
    }

    ResponseEntity<String> upload(String user, String dossierCode, Resource file, String component, String language) {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("file", file);
        if (component != null) body.add("component", component);
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        if (language != null) headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        return as(user).postForEntity("/api/dossiers/" + dossierCode + "/attachments", new HttpEntity<>(body, headers), String.class);
    }

    TestRestTemplate as(String user) {
        return user == null ? http : http.withBasicAuth(user, "demo");
    }

    JsonNode get(String user, String path) throws Exception {
        var response = as(user).getForEntity(path, String.class);
        if (!response.getStatusCode().is2xxSuccessful()) throw new AssertionError(path + " answered " + response.getStatusCode());
        return json.readTree(response.getBody());
    }

    JsonNode read(ResponseEntity<String> response) throws Exception {
        return json.readTree(response.getBody());
    }

    /** Waits until the attachment's extraction has ended, and returns it. */
    JsonNode extracted(String user, String dossierCode, long id) throws Exception {
        String path = "/api/dossiers/" + dossierCode + "/attachments/" + id;
        await().atMost(EXTRACTION).pollInterval(Duration.ofMillis(300))
                .until(() -> !"PENDING".equals(get(user, path).get("state").asText()));
        return get(user, path);
    }

    static Resource named(byte[] content, String fileName) {
        return new ByteArrayResource(content) {
            @Override
            public String getFilename() { return fileName; }
        };
    }

    /** A resource that streams {@code size} bytes of a PDF-looking header and zeros, without holding them. */
    static Resource generated(long size, String fileName) {
        return new AbstractResource() {
            @Override
            public String getDescription() { return fileName; }

            @Override
            public String getFilename() { return fileName; }

            @Override
            public long contentLength() { return size; }

            @Override
            public java.io.InputStream getInputStream() {
                return new java.io.InputStream() {
                    private final byte[] head = "%PDF-1.7\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                    private long position;

                    @Override
                    public int read() {
                        if (position >= size) return -1;
                        int b = position < head.length ? head[(int) position] : 0;
                        position++;
                        return b;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) {
                        if (position >= size) return -1;
                        int n = (int) Math.min(len, size - position);
                        for (int i = 0; i < n; i++) b[off + i] = position + i < head.length ? head[(int) (position + i)] : 0;
                        position += n;
                        return n;
                    }
                };
            }
        };
    }
}
