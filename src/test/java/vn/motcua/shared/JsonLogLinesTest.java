package vn.motcua.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;

/**
 * With LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs (or logstash) each log line is one JSON object, as Spring Boot's encoder
 * writes it in production, and a line written during a request carries the request's id as the field requestId.
 */
class JsonLogLinesTest {

    private static Map<?, ?> line(String format) throws Exception {
        var context = new LoggerContext();
        context.putObject(Environment.class.getName(), new MockEnvironment().withProperty("spring.application.name", "motcua"));
        var encoder = new StructuredLogEncoder();
        encoder.setContext(context);
        encoder.setFormat(format);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        var event = new LoggingEvent(JsonLogLinesTest.class.getName(), context.getLogger("vn.motcua.dossier.DossierService"),
                Level.INFO, "Hồ sơ {} đã được tiếp nhận", null, new Object[] {"000.01.15.H33-261204-0001"});
        event.setMDCPropertyMap(Map.of(RequestIdFilter.MDC_KEY, "proxy-42"));
        String text = new String(encoder.encode(event), StandardCharsets.UTF_8);
        assertThat(text).as("one line").endsWith("\n").doesNotContain("\n\n");
        assertThat(text.strip()).doesNotContain("\n");
        return new ObjectMapper().readValue(text, Map.class);
    }

    @Test
    void ecsLinesAreJsonWithTheRequestId() throws Exception {
        var json = line("ecs");
        assertThat(json.get("requestId")).isEqualTo("proxy-42");
        assertThat(json.get("message")).isEqualTo("Hồ sơ 000.01.15.H33-261204-0001 đã được tiếp nhận");
        assertThat(String.valueOf(json)).contains("INFO");
    }

    @Test
    void logstashLinesAreJsonWithTheRequestId() throws Exception {
        var json = line("logstash");
        assertThat(json.get("requestId")).isEqualTo("proxy-42");
        assertThat(json.get("message")).isEqualTo("Hồ sơ 000.01.15.H33-261204-0001 đã được tiếp nhận");
    }
}
