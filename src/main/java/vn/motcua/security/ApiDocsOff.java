package vn.motcua.security;

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.shared.Messages;

/**
 * With the API description and Swagger UI off (production's default, {@code MOTCUA_API_DOCS}), their addresses
 * answer 404 rather than the application's start page.
 */
final class ApiDocsOff {
    private ApiDocsOff() { }

    private static ResponseEntity<Map<String, Object>> notPublished(Messages messages) {
        return vn.motcua.shared.ErrorJson.entity(404, "NOT_FOUND", messages.get("security.apiDocs.off"), null);
    }

    @RestController
    @ConditionalOnProperty(name = "springdoc.api-docs.enabled", havingValue = "false")
    static class Description {
        private final Messages messages;

        Description(Messages messages) { this.messages = messages; }

        @RequestMapping({"/v3/api-docs", "/v3/api-docs/**"})
        ResponseEntity<Map<String, Object>> off() { return notPublished(messages); }
    }

    @RestController
    @ConditionalOnProperty(name = "springdoc.swagger-ui.enabled", havingValue = "false")
    static class SwaggerUi {
        private final Messages messages;

        SwaggerUi(Messages messages) { this.messages = messages; }

        @RequestMapping({"/swagger-ui.html", "/swagger-ui/**"})
        ResponseEntity<Map<String, Object>> off() { return notPublished(messages); }
    }
}
