package vn.motcua.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import vn.motcua.MotCuaTest;

/**
 * The API's contract: the OpenAPI document committed in {@code docs/openapi.json} is the first version of the API
 * ({@code /api}), and the running application must not break it. Breaking: an operation gone, a parameter gone or newly
 * required, a request body's property newly required, a response schema's property gone. Anything else that differs
 * (a new operation, a new optional parameter or property) is not breaking but the committed document must say it:
 * the test fails until it is brought up to date with
 * {@code mvn verify -Dtest=OpenApiContractTest -Dsurefire.failIfNoSpecifiedTests=false -DskipITs -Dopenapi.write=true}.
 * A breaking change is a new version of the API under another prefix, never a change of this one.
 */
@MotCuaTest
class OpenApiContractTest {
    static final Path COMMITTED = Path.of("docs/openapi.json");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    @Autowired TestRestTemplate http;

    @Test
    void theRunningApiKeepsEveryPromiseOfTheCommittedDocumentAndTheDocumentDescribesIt() throws Exception {
        var answer = http.getForEntity("/v3/api-docs", String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode current = normalised(JSON.readTree(answer.getBody()));
        String currentText = JSON.writeValueAsString(JSON.treeToValue(current, Object.class)) + "\n";
        if (Boolean.getBoolean("openapi.write")) {
            Files.writeString(COMMITTED, currentText, StandardCharsets.UTF_8);
        }
        assertThat(COMMITTED).as("the committed API document; write it with -Dopenapi.write=true").exists();
        JsonNode committed = JSON.readTree(Files.readString(COMMITTED, StandardCharsets.UTF_8));

        List<String> breaking = breakingChanges(committed, current);
        assertThat(breaking).as("changes that break the API's first version (/api): make them a new version instead").isEmpty();
        assertThat(currentText).as("the API changed without breaking it: bring docs/openapi.json up to date (-Dopenapi.write=true)")
                .isEqualTo(JSON.writeValueAsString(JSON.treeToValue(committed, Object.class)) + "\n");
    }

    @Test
    void aRemovedOperationAParameterNewlyRequiredAndARemovedPropertyAreBreaking() throws Exception {
        JsonNode before = JSON.readTree("""
                {"paths": {"/api/a": {"get": {"parameters": [{"name": "q", "in": "query", "required": false}],
                  "responses": {"200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/A"}}}}}},
                  "delete": {}}},
                 "components": {"schemas": {"A": {"properties": {"code": {}, "name": {}}}}}}""");
        JsonNode after = JSON.readTree("""
                {"paths": {"/api/a": {"get": {"parameters": [{"name": "q", "in": "query", "required": true}],
                  "responses": {"200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/A"}}}}}}},
                  "/api/b": {"get": {}}},
                 "components": {"schemas": {"A": {"properties": {"code": {}}}}}}""");
        assertThat(breakingChanges(before, after)).containsExactlyInAnyOrder(
                "DELETE /api/a: operation removed",
                "GET /api/a: parameter q (query) now required",
                "schema A: property name removed");
        assertThat(breakingChanges(after, after)).isEmpty();
    }

    /** The document without what differs from run to run (the server's address). */
    private static JsonNode normalised(JsonNode document) {
        var copy = (ObjectNode) document.deepCopy();
        copy.remove("servers");
        return copy;
    }

    /** What the current document no longer promises that the committed one did. */
    static List<String> breakingChanges(JsonNode committed, JsonNode current) {
        List<String> problems = new ArrayList<>();
        for (var path : fields(committed.path("paths"))) {
            for (var operation : fields(path.getValue())) {
                String name = operation.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
                JsonNode now = current.path("paths").path(path.getKey()).path(operation.getKey());
                if (now.isMissingNode()) {
                    problems.add(name + ": operation removed");
                    continue;
                }
                Map<String, JsonNode> before = parameters(operation.getValue());
                Map<String, JsonNode> after = parameters(now);
                before.forEach((key, parameter) -> {
                    JsonNode kept = after.get(key);
                    if (kept == null) problems.add(name + ": parameter " + key + " removed");
                    else if (!parameter.path("required").asBoolean() && kept.path("required").asBoolean()) {
                        problems.add(name + ": parameter " + key + " now required");
                    }
                });
                after.forEach((key, parameter) -> {
                    if (!before.containsKey(key) && parameter.path("required").asBoolean()) {
                        problems.add(name + ": new required parameter " + key);
                    }
                });
            }
        }
        for (var schema : fields(committed.path("components").path("schemas"))) {
            JsonNode now = current.path("components").path("schemas").path(schema.getKey());
            if (now.isMissingNode()) {
                problems.add("schema " + schema.getKey() + ": removed");
                continue;
            }
            for (var property : fields(schema.getValue().path("properties"))) {
                if (now.path("properties").path(property.getKey()).isMissingNode()) {
                    problems.add("schema " + schema.getKey() + ": property " + property.getKey() + " removed");
                }
            }
            var required = new java.util.HashSet<String>();
            schema.getValue().path("required").forEach(r -> required.add(r.asText()));
            now.path("required").forEach(r -> {
                if (!required.contains(r.asText()) && schema.getValue().path("properties").has(r.asText())) {
                    problems.add("schema " + schema.getKey() + ": property " + r.asText() + " now required");
                }
            });
        }
        return problems;
    }

    private static Map<String, JsonNode> parameters(JsonNode operation) {
        Map<String, JsonNode> byName = new TreeMap<>();
        operation.path("parameters").forEach(p -> byName.put(p.path("name").asText() + " (" + p.path("in").asText() + ")", p));
        return byName;
    }

    private static List<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        List<Map.Entry<String, JsonNode>> list = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> i = node.fields(); i.hasNext(); ) list.add(i.next());
        return list;
    }
}
