package vn.motcua.forms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the sample forms under {@code src/test/resources/forms-samples}. */
final class FormSamples {

    static final String BIRTH_REGISTRATION = "Form_DangKyKhaiSinh.form";
    static final String ALL_COMPONENTS = "Form_TatCaThanhPhan.form";
    static final String DUPLICATE_KEY = "Form_LoiTrungKhoa.form";

    private FormSamples() {
    }

    static String json(String name) {
        try (InputStream in = FormSamples.class.getResourceAsStream("/forms-samples/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample form " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static FormSchema schema(String name) {
        return FormSchema.parse(json(name));
    }

    /** A minimal form around the given components JSON (an array body without brackets). */
    static String form(String componentsJson) {
        return "{\"components\": [" + componentsJson + "], \"type\": \"default\", \"id\": \"Form_Test\","
                + " \"exporter\": {\"name\": \"Camunda Modeler\", \"version\": \"5.41.0\"}, \"schemaVersion\": 16}";
    }

    static FormSchema parse(String componentsJson) {
        return FormSchema.parse(form(componentsJson));
    }
}
