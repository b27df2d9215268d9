package vn.motcua.catalogue.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import vn.motcua.calendar.ProcessingTime;
import vn.motcua.catalogue.DossierComponent;
import vn.motcua.catalogue.Localized;
import vn.motcua.catalogue.OnlineLevel;
import vn.motcua.catalogue.Procedure;
import vn.motcua.catalogue.Sector;
import vn.motcua.forms.FormSchema;
import vn.motcua.organisation.UnitLevel;

/**
 * Reads processes/&lt;procedure&gt;/ (descriptor, BPMN, DMN) and forms/&lt;procedure&gt;/ (Camunda Forms) from the
 * classpath, and refuses, naming the file and the problem, anything incomplete: a broken catalogue must not start.
 */
public class CatalogueLoader {
    private static final Pattern PROCESS_ID = Pattern.compile("<(?:bpmn2?:)?process\\b[^>]*\\bid=\"([^\"]+)\"");

    /** One procedure folder: its descriptor and the files the engine deploys, by stable resource name. */
    public record Bundle(Procedure procedure, Map<String, byte[]> resources, Map<String, FormSchema> forms) { }

    private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    /** Folder of the models and forms every procedure shares (the dossier lifecycle), which has no descriptor. */
    public static final String SHARED = "_shared";

    /** The shared models and forms, deployed before the procedures. */
    public record SharedBundle(Map<String, byte[]> resources, Map<String, FormSchema> forms) { }

    public SharedBundle loadShared() {
        try {
            Map<String, byte[]> resources = new LinkedHashMap<>();
            for (String pattern : List.of("*.bpmn", "*.dmn")) {
                for (Resource r : resolver.getResources("classpath*:processes/" + SHARED + "/" + pattern)) {
                    resources.put(SHARED + "/" + r.getFilename(), read(r));
                }
            }
            Map<String, FormSchema> forms = loadForms(SHARED, resources);
            return new SharedBundle(resources, forms);
        } catch (IOException e) {
            throw new CatalogueException("processes/" + SHARED, "cannot read: " + e.getMessage());
        }
    }

    public List<Bundle> load() {
        try {
            List<Bundle> bundles = new ArrayList<>();
            for (Resource descriptor : resolver.getResources("classpath*:processes/*/procedure.json")) {
                bundles.add(loadFolder(folderOf(descriptor), descriptor));
            }
            bundles.sort((a, b) -> a.procedure().code().compareTo(b.procedure().code()));
            return bundles;
        } catch (IOException e) {
            throw new CatalogueException("processes/", "cannot read the catalogue: " + e.getMessage());
        }
    }

    private Bundle loadFolder(String folder, Resource descriptorFile) throws IOException {
        String descriptorName = "processes/" + folder + "/procedure.json";
        ProcedureDescriptor d;
        try (InputStream in = descriptorFile.getInputStream()) {
            d = json.readValue(in, ProcedureDescriptor.class);
        } catch (IOException e) {
            throw new CatalogueException(descriptorName, "not a valid descriptor: " + e.getMessage());
        }
        Map<String, byte[]> resources = new LinkedHashMap<>();
        List<String> processIds = new ArrayList<>();
        for (String pattern : List.of("*.bpmn", "*.dmn")) {
            for (Resource r : resolver.getResources("classpath*:processes/" + folder + "/" + pattern)) {
                byte[] content = read(r);
                resources.put(folder + "/" + r.getFilename(), content);
                if (r.getFilename().endsWith(".bpmn")) {
                    Matcher m = PROCESS_ID.matcher(new String(content, StandardCharsets.UTF_8));
                    while (m.find()) processIds.add(m.group(1));
                }
            }
        }
        Map<String, FormSchema> forms = loadForms(folder, resources);
        Procedure procedure = toProcedure(descriptorName, folder, d);
        if (!processIds.contains(procedure.processKey())) {
            throw new CatalogueException(descriptorName, "process '" + procedure.processKey() + "' is not defined by any BPMN file in processes/" + folder + "/");
        }
        if (!forms.containsKey(procedure.intakeForm())) {
            throw new CatalogueException(descriptorName, "intake form '" + procedure.intakeForm() + "' is not in forms/" + folder + "/");
        }
        return new Bundle(procedure, resources, forms);
    }

    private Map<String, FormSchema> loadForms(String folder, Map<String, byte[]> resources) throws IOException {
        Map<String, FormSchema> forms = new LinkedHashMap<>();
        for (Resource r : resolver.getResources("classpath*:forms/" + folder + "/*.form")) {
            byte[] content = read(r);
            String formFile = "forms/" + folder + "/" + r.getFilename();
            FormSchema schema;
            try {
                schema = FormSchema.parse(new String(content, StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                throw new CatalogueException(formFile, e.getMessage());
            }
            if (forms.put(schema.id(), schema) != null) {
                throw new CatalogueException(formFile, "duplicate form id '" + schema.id() + "'");
            }
            resources.put(folder + "/" + r.getFilename(), content);
        }
        return forms;
    }

    private static Procedure toProcedure(String file, String folder, ProcedureDescriptor d) {
        require(file, "code", d.code());
        if (!d.code().matches("\\d\\.\\d{6}")) throw new CatalogueException(file, "code '" + d.code() + "' is not a national procedure code like 1.001193");
        require(file, "name", d.name());
        require(file, "name.vi", d.name().vi());
        require(file, "processingTime", d.processingTime());
        require(file, "process", d.process());
        require(file, "intakeForm", d.intakeForm());
        require(file, "components", d.components());
        List<DossierComponent> components = new ArrayList<>();
        for (var c : d.components()) {
            require(file, "components[].code", c.code());
            require(file, "components[" + c.code() + "].name", c.name());
            components.add(new DossierComponent(c.code(), localized(c.name()), Boolean.TRUE.equals(c.required()), c.fileTypes()));
        }
        return new Procedure(d.code(), localized(d.name()),
                enumValue(file, "sector", Sector.class, d.sector()),
                enumValue(file, "level", UnitLevel.class, d.level()),
                enumValue(file, "onlineLevel", OnlineLevel.class, d.onlineLevel()),
                time(file, "processingTime", d.processingTime()),
                d.onlineProcessingTime() == null ? null : time(file, "onlineProcessingTime", d.onlineProcessingTime()),
                d.fee() == null || d.fee().amount() == null ? java.math.BigDecimal.ZERO : d.fee().amount(),
                d.fee() == null || d.fee().note() == null ? null : localized(d.fee().note()),
                components, d.result() == null ? null : localized(d.result()),
                enumValue(file, "resultType", Procedure.ResultType.class, d.resultType()),
                d.process(), d.intakeForm(), folder);
    }

    private static ProcessingTime time(String file, String field, ProcedureDescriptor.Time t) {
        require(file, field + ".amount", t.amount());
        return new ProcessingTime(t.amount(), enumValue(file, field + ".unit", ProcessingTime.Unit.class, t.unit()));
    }

    private static Localized localized(ProcedureDescriptor.Text t) { return new Localized(t.vi(), t.en()); }

    private static <E extends Enum<E>> E enumValue(String file, String field, Class<E> type, String value) {
        require(file, field, value);
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new CatalogueException(file, field + ": '" + value + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private static void require(String file, String field, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw new CatalogueException(file, "missing '" + field + "'");
        }
    }

    private static String folderOf(Resource descriptor) throws IOException {
        String url = descriptor.getURL().toString();
        String[] parts = url.split("/");
        return parts[parts.length - 2];
    }

    private static byte[] read(Resource r) throws IOException {
        try (InputStream in = r.getInputStream()) {
            return in.readAllBytes();
        }
    }
}
