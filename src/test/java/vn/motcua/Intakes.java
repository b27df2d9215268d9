package vn.motcua;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import vn.motcua.attachment.StagedUploadService;
import vn.motcua.attachment.TestDocuments;
import vn.motcua.dossier.ReceiveDossier;

/**
 * How tests hand in a dossier's required components, as the rules of the receipt ask: the desk ticks the papers it
 * checked ({@link #checked}), a citizen uploads a file for each ({@link #uploaded}). Read from the procedures'
 * descriptors ({@code processes/* /procedure.json}).
 */
public final class Intakes {
    private static final Map<String, List<String>> REQUIRED = new ConcurrentHashMap<>();

    private Intakes() { }

    /** The codes of the procedure's required components, in the descriptor's order. */
    public static List<String> requiredComponents(String procedureCode) {
        if (REQUIRED.isEmpty()) load();
        var codes = REQUIRED.get(procedureCode);
        if (codes == null) throw new IllegalArgumentException("no procedure " + procedureCode);
        return codes;
    }

    /** The request with every required component checked on paper by the desk. */
    public static ReceiveDossier checked(ReceiveDossier request) {
        return request.withCheckedComponents(requiredComponents(request.procedureCode()));
    }

    /**
     * The request with a small PDF staged by the signed-in user (the citizen) for every required component, as the
     * online submission uploads them.
     */
    public static ReceiveDossier uploaded(ReceiveDossier request, StagedUploadService staged) {
        var references = new ArrayList<>(request.stagedFiles());
        for (String component : requiredComponents(request.procedureCode())) {
            byte[] pdf = TestDocuments.pdf(List.of("THÀNH PHẦN HỒ SƠ " + component));
            references.add(staged.stage(request.procedureCode(), component, component.toLowerCase() + ".pdf",
                    new ByteArrayInputStream(pdf)).reference());
        }
        return new ReceiveDossier(request.procedureCode(), request.channel(), request.applicant(), request.data(),
                request.unitIdentifier(), references, request.checkedComponents(), request.missingComponentsReason());
    }

    private static synchronized void load() {
        var json = new ObjectMapper();
        try (Stream<Path> folders = Files.list(Path.of("processes"))) {
            for (Path folder : folders.toList()) {
                Path descriptor = folder.resolve("procedure.json");
                if (!Files.exists(descriptor)) continue;
                JsonNode procedure = json.readTree(descriptor.toFile());
                var codes = new ArrayList<String>();
                procedure.get("components").forEach(c -> {
                    if (c.path("required").asBoolean()) codes.add(c.get("code").asText());
                });
                REQUIRED.put(procedure.get("code").asText(), List.copyOf(codes));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stages a small PDF for every required component of a procedure through the API
     * ({@code POST /api/staged-files}) as {@code user}, as an online submission's uploads do; the references to name
     * in {@code stagedFiles}.
     */
    public static List<String> stagedAtApi(org.springframework.boot.test.web.client.TestRestTemplate http,
                                           ObjectMapper json, String user, String procedureCode) throws IOException {
        var references = new ArrayList<String>();
        for (String component : requiredComponents(procedureCode)) {
            var form = new org.springframework.util.LinkedMultiValueMap<String, Object>();
            byte[] pdf = TestDocuments.pdf(List.of("THÀNH PHẦN " + component));
            form.add("file", new org.springframework.core.io.ByteArrayResource(pdf) {
                @Override
                public String getFilename() { return component.toLowerCase() + ".pdf"; }
            });
            form.add("procedureCode", procedureCode);
            form.add("component", component);
            var headers = new org.springframework.http.HttpHeaders();
            headers.setContentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA);
            var response = http.withBasicAuth(user, "demo").postForEntity("/api/staged-files",
                    new org.springframework.http.HttpEntity<>(form, headers), String.class);
            if (response.getStatusCode().value() != 201) throw new AssertionError("staging failed: " + response.getBody());
            references.add(json.readTree(response.getBody()).get("reference").asText());
        }
        return references;
    }
}
