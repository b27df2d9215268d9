package vn.motcua;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A procedure folder of the repository as designers upload it (issue 14): 3.000465, processes/ and forms/
 * diploma-copy-from-register, as it is, revised (a step renamed, its deadline changed, a field added to its form) or
 * broken (a step without a deadline).
 */
public final class ProcedureUploads {
    public static final String CODE = "3.000465";
    public static final String FOLDER = "diploma-copy-from-register";
    public static final String PROCESS_KEY = "diploma-copy-from-register";
    public static final String STEP = "Task_IssueCopy";
    public static final String REVISED_STEP_NAME = "Đối chiếu sổ gốc, ký bản sao";
    public static final String ADDED_FIELD = "registerPage";
    private static final String BPMN = "processes/" + FOLDER + "/" + FOLDER + ".bpmn";
    private static final String REVIEW_FORM = "forms/" + FOLDER + "/" + FOLDER + "-review.form";

    private ProcedureUploads() { }

    /** The folder's files as in the repository: path (processes/... or forms/...) → content. */
    public static Map<String, byte[]> original() {
        Map<String, byte[]> files = new TreeMap<>();
        for (String top : new String[] {"processes", "forms"}) {
            try (Stream<Path> list = Files.list(Path.of(top, FOLDER))) {
                for (Path file : list.toList()) files.put(top + "/" + FOLDER + "/" + file.getFileName(), Files.readAllBytes(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    /** Task_IssueCopy renamed, its deadline 6 working hours instead of 4, the field registerPage added to its form. */
    public static Map<String, byte[]> revised() {
        Map<String, byte[]> files = original();
        String bpmn = text(files, BPMN)
                .replace("name=\"Đối chiếu sổ gốc, cấp bản sao\"", "name=\"" + REVISED_STEP_NAME + "\"")
                .replace("formRef=\"diploma-copy-from-register-review\" camunda:formRefBinding=\"deployment\" camunda:dueDate=\"${deadlines.workingHours(execution, 4)}\"",
                        "formRef=\"diploma-copy-from-register-review\" camunda:formRefBinding=\"deployment\" camunda:dueDate=\"${deadlines.workingHours(execution, 6)}\"");
        if (bpmn.equals(text(files, BPMN)) || !bpmn.contains("workingHours(execution, 6)")) throw new IllegalStateException("the fixture no longer matches the BPMN");
        files.put(BPMN, bpmn.getBytes(StandardCharsets.UTF_8));
        try {
            var json = new ObjectMapper();
            var form = (ObjectNode) json.readTree(files.get(REVIEW_FORM));
            var field = form.withArray("components").addObject();
            field.put("label", "Trang sổ gốc");
            field.put("type", "textfield");
            field.put("id", "Field_RegisterPage");
            field.put("key", ADDED_FIELD);
            files.put(REVIEW_FORM, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(form));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** The automatic step after Task_IssueCopy, Task_MarkProcessed, run as a job (asynchronous) and failing as it starts. */
    public static final String FAILING_STEP_NAME = "Hoàn thành xử lý";

    /**
     * Task_MarkProcessed asynchronous, with a start listener that fails at run time (a deadline of -1 working hours)
     * though the linter has nothing against it.
     */
    public static Map<String, byte[]> failingAfterTheStep() {
        Map<String, byte[]> files = original();
        String bpmn = text(files, BPMN).replace(
                "<bpmn:serviceTask id=\"Task_MarkProcessed\" name=\"" + FAILING_STEP_NAME + "\" camunda:delegateExpression=\"${markProcessed}\">",
                "<bpmn:serviceTask id=\"Task_MarkProcessed\" name=\"" + FAILING_STEP_NAME + "\" camunda:asyncBefore=\"true\" camunda:delegateExpression=\"${markProcessed}\">"
                        + "<bpmn:extensionElements><camunda:executionListener expression=\"${deadlines.workingHours(execution, -1)}\" event=\"start\" /></bpmn:extensionElements>");
        if (bpmn.equals(text(files, BPMN))) throw new IllegalStateException("the fixture no longer matches the BPMN");
        files.put(BPMN, bpmn.getBytes(StandardCharsets.UTF_8));
        return files;
    }

    /** Task_IssueCopy without a deadline: the linter's rule USER_TASK_DEADLINE. */
    public static Map<String, byte[]> broken() {
        Map<String, byte[]> files = original();
        String bpmn = text(files, BPMN).replace(" camunda:dueDate=\"${deadlines.workingHours(execution, 4)}\"", "");
        files.put(BPMN, bpmn.getBytes(StandardCharsets.UTF_8));
        return files;
    }

    /** The files as a designer uploads them, one by one under their own names. */
    public static List<vn.motcua.catalogue.ProcedureDesigns.Upload> uploads(Map<String, byte[]> files) {
        return files.entrySet().stream().map(e -> new vn.motcua.catalogue.ProcedureDesigns.Upload(
                e.getKey().substring(e.getKey().lastIndexOf('/') + 1), e.getValue())).toList();
    }

    /** A declaration of the procedure's intake form. */
    public static Map<String, Object> intake() {
        return Map.of("diplomaKind", "BANG_TOT_NGHIEP_THCS", "holderName", "Trần Thị Bích Ngọc",
                "holderBirthDate", "2001-05-14", "graduationYear", 2016, "copiesRequested", 2);
    }

    /** The files as one zip, paths as in the repository. */
    public static byte[] zip(Map<String, byte[]> files) {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            for (var file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The entries of a zip: path → content. */
    public static Map<String, byte[]> unzip(byte[] zip) {
        Map<String, byte[]> files = new TreeMap<>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) files.put(entry.getName(), in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /**
     * Puts the procedure back as the application's files have it: its draft removed and, when the published version
     * differs from the repository's files, the latest version equal to them re-published.
     */
    public static void restore(vn.motcua.catalogue.ProcedureDesigns designs, TestUsers users,
                               org.springframework.jdbc.core.JdbcTemplate jdbc) {
        jdbc.update("delete from procedure_version where folder = ? and status = 'DRAFT'", FOLDER);
        users.signInAs("designer");
        try {
            var versions = designs.versions(CODE);
            Map<String, byte[]> original = original();
            if (sameFiles(designs.export(CODE, versions.get(0).number()).zip(), original)) return;
            var again = versions.stream().filter(v -> sameFiles(designs.export(CODE, v.number()).zip(), original)).findFirst().orElseThrow();
            designs.rollback(CODE, again.number(), "Trả lại như tệp của ứng dụng (kiểm thử)");
        } finally {
            users.signOut();
        }
    }

    private static boolean sameFiles(byte[] zip, Map<String, byte[]> files) {
        Map<String, byte[]> exported = unzip(zip);
        return exported.keySet().equals(files.keySet())
                && files.entrySet().stream().allMatch(e -> java.util.Arrays.equals(e.getValue(), exported.get(e.getKey())));
    }

    private static String text(Map<String, byte[]> files, String path) {
        return new String(files.get(path), StandardCharsets.UTF_8);
    }
}
