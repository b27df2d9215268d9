package vn.motcua.catalogue.internal;

import static vn.motcua.shared.PlainText.blank;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaConnector;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.ModelException;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXParseException;
import vn.motcua.calendar.ProcessingTime;
import vn.motcua.catalogue.DossierComponent;
import vn.motcua.catalogue.Localized;
import vn.motcua.catalogue.OnlineLevel;
import vn.motcua.catalogue.Procedure;
import vn.motcua.catalogue.Sector;
import vn.motcua.forms.FormSchema;
import vn.motcua.forms.FormSchemaException;
import vn.motcua.organisation.UnitLevel;

/**
 * Checks the catalogue's files before anything is deployed, and reports every problem at once, each naming the
 * file, the element and the rule (see {@link LintRule}):
 * <ul>
 *   <li>every procedure folder has a complete descriptor whose process and intake form exist in the folder;</li>
 *   <li>every BPMN and DMN file parses with Camunda's model API (schema included), every process is executable,
 *       ids are unique in the catalogue, files are named after their process, and the engine's own parser accepts
 *       the model;</li>
 *   <li>every user task is assigned (assignee, candidate users or groups), has a Camunda Form of its folder or of
 *       _shared (only its own folder with {@code formRefBinding="deployment"}) and a deadline;</li>
 *   <li>service tasks have one implementation, call activities and business rule tasks point at a process or
 *       decision of the catalogue, timers have one definition, branching gateways have conditions;</li>
 *   <li>expressions parse and name only allowed beans, the engine's own names, or process variables the model
 *       sets (form fields marked {@code processVariable}, result and output variables, call mappings) or every
 *       model may read ({@link ModelConventions});</li>
 *   <li>every form parses with {@link FormSchema#parse} (supported components, unique keys), is named after its
 *       id, and its id is unique in the catalogue.</li>
 * </ul>
 * Thread-safe: each check works on its own state.
 */
public final class CatalogueLinter {
    private static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
    private static final Pattern NATIONAL_CODE = Pattern.compile("\\d\\.\\d{6}");
    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z]+/[a-zA-Z0-9.+-]+");
    // Ids an unreadable file probably defines, so that references to them are not reported twice
    private static final Pattern PROCESS_ID = Pattern.compile("<(?:\\w+:)?process\\b[^>]*\\bid=\"([^\"]+)\"");
    private static final Pattern DECISION_ID = Pattern.compile("<(?:\\w+:)?decision\\b[^>]*\\bid=\"([^\"]+)\"");
    // Texts the engine never evaluates, or evaluates in another language than JUEL
    private static final Set<String> SKIPPED_BPMN = Set.of("documentation", "text", "script");
    private static final Set<String> SKIPPED_CAMUNDA = Set.of("script", "properties", "string");
    private static final Set<String> DECLARING_ATTRIBUTES = Set.of("resultVariable", "elementVariable",
            "errorCodeVariable", "errorMessageVariable", "escalationCodeVariable");

    private final ModelConventions conventions;
    private final DeployabilityCheck engine;
    private final List<LintWaiver> waivers;
    private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    private vn.motcua.forms.FileTypes fileTypes;

    /**
     * @param conventions what models may name besides their own variables
     * @param engine      the engine's parser as a last check, or null where no engine runs (plain tests)
     * @param waivers     problems accepted for now
     */
    public CatalogueLinter(ModelConventions conventions, DeployabilityCheck engine, List<LintWaiver> waivers) {
        this.conventions = Objects.requireNonNull(conventions);
        this.engine = engine;
        this.waivers = List.copyOf(waivers);
    }

    /**
     * Also checks that each form's file pickers take some file type MotCua takes ({@link LintRule#FORM_FILE_TYPES});
     * without it (plain tests) their {@code accept} is only checked for its form.
     */
    public CatalogueLinter withFileTypes(vn.motcua.forms.FileTypes types) {
        this.fileTypes = types;
        return this;
    }

    /** Checks every folder. */
    public CatalogueCheck check(CatalogueFiles files) {
        return check(files, files.folders().keySet());
    }

    /**
     * Checks the given folders in the context of the whole catalogue (unique ids, called processes, shared forms).
     * Problems of other folders are not reported.
     *
     * @param focus folder names; a name without files (a deleted folder) is simply absent from the result
     */
    public CatalogueCheck check(CatalogueFiles files, Collection<String> focus) {
        var run = new Run(files, Set.copyOf(focus));
        run.execute();
        List<LintProblem> problems = new ArrayList<>();
        List<LintProblem> waived = new ArrayList<>();
        Set<LintWaiver> used = new HashSet<>();
        for (LintProblem problem : run.problems) {
            if (!focus.contains(problem.folder())) continue;
            var waiver = waivers.stream().filter(w -> w.covers(problem)).findFirst();
            if (waiver.isPresent()) {
                waived.add(problem);
                used.add(waiver.get());
            } else {
                problems.add(problem);
            }
        }
        List<LintWaiver> stale = waivers.stream()
                .filter(w -> !used.contains(w) && focus.contains(folderOf(w.file()))).toList();
        Map<String, FolderContent> contents = new TreeMap<>();
        for (String folder : focus) {
            boolean clean = problems.stream().noneMatch(p -> p.folder().equals(folder));
            if (clean && files.folders().containsKey(folder)) contents.put(folder, run.content(folder));
        }
        return new CatalogueCheck(problems, waived, stale, contents);
    }

    private static String folderOf(String file) {
        String[] parts = file.split("/");
        return parts.length > 1 ? parts[1] : "";
    }

    // ---------------------------------------------------------------------------------------------------------

    private record FormEntry(String folder, String file, FormSchema schema) { }

    private record DecisionEntry(String folder, String file) { }

    /** A call activity of a model: the process it calls (null when an expression decides) and what it passes. */
    private record Call(String callee, boolean inAll, Set<String> inTargets, boolean outAll) { }

    private static final class BpmnFile {
        final String folder;
        final String fileName;
        final String path;
        final byte[] content;
        final BpmnModelInstance model;
        final List<String> processIds = new ArrayList<>();
        final Set<String> ownVariables = new LinkedHashSet<>();
        final List<Call> calls = new ArrayList<>();

        BpmnFile(String folder, String fileName, byte[] content, BpmnModelInstance model) {
            this.folder = folder;
            this.fileName = fileName;
            this.path = CatalogueFiles.PROCESSES + "/" + folder + "/" + fileName;
            this.content = content;
            this.model = model;
        }
    }

    /** One check of one catalogue. */
    private final class Run {
        final CatalogueFiles files;
        final Set<String> focus;
        final List<LintProblem> problems = new ArrayList<>();
        final Map<String, List<FormEntry>> formsById = new LinkedHashMap<>();
        final Map<String, List<DecisionEntry>> decisionsById = new LinkedHashMap<>();
        final Map<String, List<BpmnFile>> processesById = new LinkedHashMap<>();
        final List<BpmnFile> models = new ArrayList<>();
        final Map<String, Procedure> procedures = new LinkedHashMap<>();
        final Map<String, List<String>> codes = new LinkedHashMap<>();
        /** Ids that unreadable files seem to define: a reference to one is not reported as unknown. */
        final Set<String> unreadableIds = new HashSet<>();

        Run(CatalogueFiles files, Set<String> focus) {
            this.files = files;
            this.focus = focus;
        }

        void execute() {
            for (var folder : files.folders().values()) {
                readForms(folder);
                readDecisions(folder);
                readModels(folder);
            }
            reportDuplicates();
            for (var folder : files.folders().values()) {
                if (!folder.shared()) checkDescriptor(folder);
            }
            codes.forEach((code, paths) -> {
                if (paths.size() > 1) {
                    for (String path : paths) {
                        add(folderOf(path), path, "code", LintRule.DESCRIPTOR_DUPLICATE_CODE, "descriptor.code.duplicate",
                                code, String.join(", ", paths.stream().filter(p -> !p.equals(path)).toList()));
                    }
                }
            });
            for (BpmnFile file : models) collectVariables(file);
            for (BpmnFile file : models) {
                if (!focus.contains(file.folder)) continue;
                checkModel(file);
                boolean clean = problems.stream().noneMatch(p -> p.file().equals(file.path));
                // The engine's word comes last, so that its messages do not repeat the linter's own
                if (clean && engine != null) {
                    for (var refusal : engine.check(resourceName(file.folder, file.fileName), file.content)) {
                        add(file.folder, file.path, refusal.elementId(), LintRule.ENGINE_REFUSES, "engine.refuses", refusal.message());
                    }
                }
            }
        }

        // --- reading ---------------------------------------------------------------------------------------

        void readForms(CatalogueFiles.Folder folder) {
            for (var entry : folder.formFiles().entrySet()) {
                String path = CatalogueFiles.FORMS + "/" + folder.name() + "/" + entry.getKey();
                FormSchema schema;
                try {
                    schema = FormSchema.parse(new String(entry.getValue(), StandardCharsets.UTF_8));
                } catch (FormSchemaException e) {
                    add(folder.name(), path, e.component(), LintRule.FORM_UNREADABLE, "form.unreadable", e.getMessage());
                    unreadableIds.add(formIdOf(entry.getKey(), entry.getValue()));
                    continue;
                } catch (RuntimeException e) {
                    add(folder.name(), path, null, LintRule.FORM_UNREADABLE, "form.unreadable", String.valueOf(e.getMessage()));
                    unreadableIds.add(formIdOf(entry.getKey(), entry.getValue()));
                    continue;
                }
                String expected = entry.getKey().substring(0, entry.getKey().length() - ".form".length());
                if (!expected.equals(schema.id())) {
                    add(folder.name(), path, schema.id(), LintRule.FORM_FILE_NAME, "form.fileName", schema.id());
                }
                if (fileTypes != null) {
                    for (var component : schema.allComponents()) {
                        if (component.type() == vn.motcua.forms.ComponentType.FILEPICKER && component.accept() != null
                                && fileTypes.acceptedBy(component.accept()).isEmpty()) {
                            add(folder.name(), path, component.id(), LintRule.FORM_FILE_TYPES, "form.fileTypes",
                                    component.key(), component.accept(), fileTypes.described());
                        }
                    }
                }
                formsById.computeIfAbsent(schema.id(), id -> new ArrayList<>()).add(new FormEntry(folder.name(), path, schema));
            }
        }

        void readDecisions(CatalogueFiles.Folder folder) {
            for (var entry : folder.processFiles().entrySet()) {
                if (!entry.getKey().endsWith(".dmn")) continue;
                String path = CatalogueFiles.PROCESSES + "/" + folder.name() + "/" + entry.getKey();
                DmnModelInstance model;
                try {
                    model = Dmn.readModelFromStream(new ByteArrayInputStream(entry.getValue()));
                } catch (ModelException e) {
                    add(folder.name(), path, null, LintRule.DMN_UNREADABLE, "dmn.unreadable", reason(e));
                    remember(DECISION_ID, entry.getValue());
                    continue;
                }
                try {
                    DecisionEngine.INSTANCE.parseDecisionRequirementsGraph(model);
                } catch (RuntimeException e) {
                    add(folder.name(), path, null, LintRule.DMN_UNREADABLE, "dmn.refused", reason(e));
                    remember(DECISION_ID, entry.getValue());
                    continue;
                }
                for (Decision decision : model.getModelElementsByType(Decision.class)) {
                    decisionsById.computeIfAbsent(decision.getId(), id -> new ArrayList<>()).add(new DecisionEntry(folder.name(), path));
                }
            }
        }

        void readModels(CatalogueFiles.Folder folder) {
            for (var entry : folder.processFiles().entrySet()) {
                if (!entry.getKey().endsWith(".bpmn")) continue;
                String path = CatalogueFiles.PROCESSES + "/" + folder.name() + "/" + entry.getKey();
                BpmnModelInstance model;
                try {
                    model = Bpmn.readModelFromStream(new ByteArrayInputStream(entry.getValue()));
                } catch (ModelException e) {
                    add(folder.name(), path, null, LintRule.BPMN_UNREADABLE, "bpmn.unreadable", reason(e));
                    remember(PROCESS_ID, entry.getValue());
                    continue;
                }
                var file = new BpmnFile(folder.name(), entry.getKey(), entry.getValue(), model);
                var processes = model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class);
                if (processes.isEmpty()) {
                    add(folder.name(), path, null, LintRule.BPMN_UNREADABLE, "bpmn.noProcess");
                    continue;
                }
                for (var process : processes) {
                    file.processIds.add(process.getId());
                    processesById.computeIfAbsent(process.getId(), id -> new ArrayList<>()).add(file);
                    if (!process.isExecutable()) {
                        add(folder.name(), path, process.getId(), LintRule.PROCESS_NOT_EXECUTABLE, "process.notExecutable");
                    }
                }
                String expected = entry.getKey().substring(0, entry.getKey().length() - ".bpmn".length());
                if (!file.processIds.contains(expected)) {
                    add(folder.name(), path, file.processIds.get(0), LintRule.BPMN_FILE_NAME, "bpmn.fileName",
                            String.join(", ", file.processIds.stream().map(id -> id + ".bpmn").toList()));
                }
                models.add(file);
            }
        }

        void remember(Pattern ids, byte[] content) {
            var matcher = ids.matcher(new String(content, StandardCharsets.UTF_8));
            while (matcher.find()) unreadableIds.add(matcher.group(1));
        }

        String formIdOf(String fileName, byte[] content) {
            try {
                String id = json.readTree(content).path("id").asText("");
                if (!id.isBlank()) return id;
            } catch (IOException | RuntimeException e) {
                // Not even JSON: the file name is the best guess (forms are named after their id)
            }
            return fileName.substring(0, fileName.length() - ".form".length());
        }

        void reportDuplicates() {
            formsById.forEach((id, entries) -> {
                if (entries.size() < 2) return;
                for (var entry : entries) {
                    add(entry.folder(), entry.file(), id, LintRule.FORM_DUPLICATE_ID, "form.duplicate", id,
                            others(entries.stream().map(FormEntry::file).toList(), entry.file()));
                }
            });
            decisionsById.forEach((id, entries) -> {
                if (entries.size() < 2) return;
                for (var entry : entries) {
                    add(entry.folder(), entry.file(), id, LintRule.DMN_DUPLICATE_DECISION, "dmn.duplicate", id,
                            others(entries.stream().map(DecisionEntry::file).toList(), entry.file()));
                }
            });
            processesById.forEach((id, entries) -> {
                if (entries.size() < 2) return;
                for (var entry : entries) {
                    add(entry.folder, entry.path, id, LintRule.PROCESS_DUPLICATE, "process.duplicate", id,
                            others(entries.stream().map(f -> f.path).toList(), entry.path));
                }
            });
        }

        private static String others(List<String> all, String self) {
            var rest = new ArrayList<>(all);
            rest.remove(self);
            return String.join(", ", rest);
        }

        // --- descriptor ------------------------------------------------------------------------------------

        void checkDescriptor(CatalogueFiles.Folder folder) {
            String name = folder.name();
            String path = CatalogueFiles.PROCESSES + "/" + name + "/" + CatalogueFiles.DESCRIPTOR;
            if (folder.processFiles().isEmpty()) {
                add(name, CatalogueFiles.FORMS + "/" + name + "/", null, LintRule.FORMS_WITHOUT_PROCEDURE, "forms.withoutProcedure", name);
                return;
            }
            byte[] content = folder.processFiles().get(CatalogueFiles.DESCRIPTOR);
            if (content == null) {
                add(name, path, null, LintRule.DESCRIPTOR_MISSING, "descriptor.missing");
                return;
            }
            ProcedureDescriptor d;
            try {
                d = json.readValue(content, ProcedureDescriptor.class);
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation();
                add(name, path, null, LintRule.DESCRIPTOR_INVALID, "descriptor.unreadable", e.getOriginalMessage(),
                        at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr());
                return;
            } catch (IOException e) {
                add(name, path, null, LintRule.DESCRIPTOR_INVALID, "descriptor.unreadable", e.getMessage(), 0, 0);
                return;
            }
            var fields = new DescriptorFields(name, path);
            if (fields.required("code", d.code()) && !NATIONAL_CODE.matcher(d.code()).matches()) {
                fields.invalid("code", "descriptor.code.format", d.code());
            }
            fields.required("name", d.name());
            if (d.name() != null) fields.required("name.vi", d.name().vi());
            Sector sector = fields.enumValue("sector", Sector.class, d.sector());
            UnitLevel level = fields.enumValue("level", UnitLevel.class, d.level());
            OnlineLevel onlineLevel = fields.enumValue("onlineLevel", OnlineLevel.class, d.onlineLevel());
            Procedure.ResultType resultType = fields.enumValue("resultType", Procedure.ResultType.class, d.resultType());
            ProcessingTime time = fields.time("processingTime", d.processingTime(), true);
            ProcessingTime onlineTime = fields.time("onlineProcessingTime", d.onlineProcessingTime(), false);
            if (d.fee() != null && d.fee().amount() != null && d.fee().amount().signum() < 0) {
                fields.invalid("fee.amount", "descriptor.fee.negative", d.fee().amount());
            }
            if (d.fee() != null && d.fee().note() != null) fields.required("fee.note.vi", d.fee().note().vi());
            // Every time and fee cites the legal text that sets it; a fee the province sets says so
            if (fields.required("fee", d.fee())) fields.required("fee.source", d.fee().source());
            Procedure.FeeSource feeSource = d.fee() == null ? Procedure.FeeSource.NATIONAL : Procedure.FeeSource.ofDescriptor(d.fee().feeSource());
            if (feeSource == null) {
                fields.invalid("fee.feeSource", "descriptor.enum", "fee.feeSource", d.fee().feeSource(),
                        Arrays.toString(Arrays.stream(Procedure.FeeSource.values()).map(Procedure.FeeSource::descriptorValue).toArray()));
            }
            fields.required("result", d.result());
            if (d.result() != null) fields.required("result.vi", d.result().vi());
            List<DossierComponent> components = new ArrayList<>();
            if (fields.required("components", d.components())) {
                Set<String> seen = new HashSet<>();
                for (int i = 0; i < d.components().size(); i++) {
                    var c = d.components().get(i);
                    String at = "components[" + i + "]";
                    if (fields.required(at + ".code", c.code()) && !seen.add(c.code())) {
                        fields.invalid(at + ".code", "descriptor.component.duplicate", c.code());
                    }
                    if (fields.required(at + ".name", c.name())) fields.required(at + ".name.vi", c.name().vi());
                    if (c.fileTypes() != null) {
                        for (String type : c.fileTypes()) {
                            if (type == null || !MEDIA_TYPE.matcher(type).matches()) {
                                fields.invalid(at + ".fileTypes", "descriptor.fileType", String.valueOf(type));
                            }
                        }
                    }
                    if (c.name() != null) {
                        components.add(new DossierComponent(c.code(), localized(c.name()), Boolean.TRUE.equals(c.required()), c.fileTypes()));
                    }
                }
            }
            if (fields.required("process", d.process())) {
                boolean defined = models.stream().anyMatch(m -> m.folder.equals(name) && m.processIds.contains(d.process()));
                // An unreadable BPMN file may well define it: that file's problem says enough
                if (!defined && !unreadableIds.contains(d.process())) {
                    add(name, path, "process", LintRule.DESCRIPTOR_PROCESS, "descriptor.process", d.process(), name);
                }
            }
            if (fields.required("intakeForm", d.intakeForm())) {
                boolean present = formsById.getOrDefault(d.intakeForm(), List.of()).stream().anyMatch(f -> f.folder().equals(name));
                if (!present && !unreadableIds.contains(d.intakeForm())) {
                    add(name, path, "intakeForm", LintRule.DESCRIPTOR_INTAKE_FORM, "descriptor.intakeForm", d.intakeForm(), name);
                }
            }
            if (d.code() != null && !d.code().isBlank()) codes.computeIfAbsent(d.code(), c -> new ArrayList<>()).add(path);
            if (!fields.failed) {
                procedures.put(name, new Procedure(d.code(), localized(d.name()), sector, level, onlineLevel, time, onlineTime,
                        d.fee() == null || d.fee().amount() == null ? BigDecimal.ZERO : d.fee().amount(),
                        d.fee() == null || d.fee().note() == null ? null : localized(d.fee().note()),
                        components, localized(d.result()), resultType, d.process(), d.intakeForm(), name,
                        d.processingTime().source(), d.fee().source(), feeSource));
            }
        }

        /** Field checks of one descriptor, each failure a problem naming the field. */
        private final class DescriptorFields {
            final String folder;
            final String path;
            boolean failed;

            DescriptorFields(String folder, String path) {
                this.folder = folder;
                this.path = path;
            }

            boolean required(String field, Object value) {
                if (value == null || (value instanceof String s && s.isBlank())) {
                    failed = true;
                    add(folder, path, field, LintRule.DESCRIPTOR_INVALID, "descriptor.field.missing", field);
                    return false;
                }
                return true;
            }

            void invalid(String field, String key, Object... args) {
                failed = true;
                add(folder, path, field, LintRule.DESCRIPTOR_INVALID, key, args);
            }

            <E extends Enum<E>> E enumValue(String field, Class<E> type, String value) {
                if (!required(field, value)) return null;
                try {
                    return Enum.valueOf(type, value);
                } catch (IllegalArgumentException e) {
                    invalid(field, "descriptor.enum", field, value, Arrays.toString(type.getEnumConstants()));
                    return null;
                }
            }

            ProcessingTime time(String field, ProcedureDescriptor.Time t, boolean mandatory) {
                if (t == null) {
                    if (mandatory) required(field, null);
                    return null;
                }
                ProcessingTime.Unit unit = enumValue(field + ".unit", ProcessingTime.Unit.class, t.unit());
                required(field + ".source", t.source());
                if (!required(field + ".amount", t.amount())) return null;
                if (t.amount() <= 0) {
                    invalid(field + ".amount", "descriptor.amount.positive", field + ".amount");
                    return null;
                }
                return unit == null ? null : new ProcessingTime(t.amount(), unit);
            }
        }

        private static Localized localized(ProcedureDescriptor.Text t) { return new Localized(t.vi(), t.en()); }

        // --- models ----------------------------------------------------------------------------------------

        /** The variables a model sets itself, and how it passes variables to and from the processes it calls. */
        void collectVariables(BpmnFile file) {
            var document = (org.w3c.dom.Document) file.model.getDocument().getDomSource().getNode();
            walk(document.getDocumentElement(), element -> {
                if (!CAMUNDA_NS.equals(element.getNamespaceURI())) {
                    for (String attribute : DECLARING_ATTRIBUTES) {
                        String value = element.getAttributeNS(CAMUNDA_NS, attribute);
                        if (!value.isBlank()) file.ownVariables.add(value.trim());
                    }
                    return;
                }
                switch (element.getLocalName()) {
                    case "outputParameter" -> addIfPresent(file.ownVariables, element.getAttribute("name"));
                    case "out" -> addIfPresent(file.ownVariables, element.getAttribute("target"));
                    case "formField" -> addIfPresent(file.ownVariables, element.getAttribute("id"));
                    default -> { }
                }
            });
            for (UserTask task : file.model.getModelElementsByType(UserTask.class)) {
                String ref = task.getCamundaFormRef();
                if (ref == null || Expressions.isExpression(ref)) continue;
                for (FormEntry form : formsById.getOrDefault(ref.trim(), List.of())) {
                    file.ownVariables.addAll(form.schema().processVariableKeys());
                }
            }
            for (CallActivity call : file.model.getModelElementsByType(CallActivity.class)) {
                String callee = call.getCalledElement();
                boolean inAll = false;
                boolean outAll = false;
                Set<String> inTargets = new HashSet<>();
                if (call.getExtensionElements() != null) {
                    for (CamundaIn in : call.getExtensionElements().getElementsQuery().filterByType(CamundaIn.class).list()) {
                        if ("all".equals(in.getCamundaVariables())) inAll = true;
                        addIfPresent(inTargets, in.getCamundaTarget());
                    }
                    for (CamundaOut out : call.getExtensionElements().getElementsQuery().filterByType(CamundaOut.class).list()) {
                        if ("all".equals(out.getCamundaVariables())) outAll = true;
                    }
                }
                file.calls.add(new Call(callee == null || Expressions.isExpression(callee) ? null : callee.trim(),
                        inAll, inTargets, outAll));
            }
        }

        /** The variables a model may read: the conventions', its own, those its callers pass in, those it gets back. */
        Set<String> variablesOf(BpmnFile file) {
            Set<String> variables = new HashSet<>(conventions.variables());
            variables.addAll(file.ownVariables);
            for (BpmnFile caller : models) {
                for (Call call : caller.calls) {
                    boolean callsThis = call.callee() == null ? caller != file : file.processIds.contains(call.callee());
                    if (!callsThis) continue;
                    if (call.inAll()) variables.addAll(caller.ownVariables);
                    variables.addAll(call.inTargets());
                }
            }
            for (Call call : file.calls) {
                if (!call.outAll()) continue;
                for (BpmnFile callee : models) {
                    if (call.callee() == null ? callee != file : callee.processIds.contains(call.callee())) {
                        variables.addAll(callee.ownVariables);
                    }
                }
            }
            return variables;
        }

        void checkModel(BpmnFile file) {
            var model = file.model;
            for (UserTask task : model.getModelElementsByType(UserTask.class)) checkUserTask(file, task);
            for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
                checkImplementation(file, task, task.getCamundaClass(), task.getCamundaDelegateExpression(),
                        task.getCamundaExpression(), task.getCamundaType());
            }
            for (SendTask task : model.getModelElementsByType(SendTask.class)) {
                checkImplementation(file, task, task.getCamundaClass(), task.getCamundaDelegateExpression(),
                        task.getCamundaExpression(), task.getCamundaType());
            }
            for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) checkBusinessRule(file, task);
            for (CallActivity call : model.getModelElementsByType(CallActivity.class)) checkCall(file, call);
            for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
                int definitions = (timer.getTimeDate() == null || blank(timer.getTimeDate().getTextContent()) ? 0 : 1)
                        + (timer.getTimeDuration() == null || blank(timer.getTimeDuration().getTextContent()) ? 0 : 1)
                        + (timer.getTimeCycle() == null || blank(timer.getTimeCycle().getTextContent()) ? 0 : 1);
                if (definitions != 1) {
                    add(file.folder, file.path, idOf(timer.getParentElement()), LintRule.TIMER_DEFINITION, "timer.definition", definitions);
                }
            }
            for (Gateway gateway : model.getModelElementsByType(Gateway.class)) {
                // Parallel and event-based gateways take every or the first-triggered path: no conditions there
                if (!(gateway instanceof ExclusiveGateway || gateway instanceof InclusiveGateway)) continue;
                if (gateway.getOutgoing().size() < 2) continue;
                SequenceFlow defaultFlow = gateway instanceof ExclusiveGateway g ? g.getDefault() : ((InclusiveGateway) gateway).getDefault();
                for (SequenceFlow flow : gateway.getOutgoing()) {
                    if (flow != defaultFlow && (flow.getConditionExpression() == null || blank(flow.getConditionExpression().getTextContent()))) {
                        add(file.folder, file.path, flow.getId(), LintRule.GATEWAY_CONDITION, "gateway.condition", gateway.getId());
                    }
                }
            }
            checkExpressions(file);
        }

        void checkUserTask(BpmnFile file, UserTask task) {
            String id = task.getId();
            if (blank(task.getCamundaAssignee()) && blank(task.getCamundaCandidateUsers()) && blank(task.getCamundaCandidateGroups())
                    && task.getResourceRoles().isEmpty()) {
                add(file.folder, file.path, id, LintRule.USER_TASK_ASSIGNMENT, "userTask.assignment");
            }
            if (blank(task.getCamundaDueDate())) {
                add(file.folder, file.path, id, LintRule.USER_TASK_DEADLINE, "userTask.deadline");
            }
            String ref = task.getCamundaFormRef();
            if (blank(ref)) {
                if (!blank(task.getCamundaFormKey())) {
                    add(file.folder, file.path, id, LintRule.USER_TASK_FORM, "userTask.form.formKey", task.getCamundaFormKey());
                } else {
                    add(file.folder, file.path, id, LintRule.USER_TASK_FORM, "userTask.form.missing");
                }
                return;
            }
            if (Expressions.isExpression(ref)) {
                // The application finds a task's form in the catalogue by its id: it must be known before run time
                add(file.folder, file.path, id, LintRule.USER_TASK_FORM, "userTask.form.expression", ref);
                return;
            }
            String binding = task.getCamundaFormRefBinding() == null ? "latest" : task.getCamundaFormRefBinding();
            if (!Set.of("deployment", "latest", "version").contains(binding)) {
                add(file.folder, file.path, id, LintRule.USER_TASK_FORM, "userTask.form.binding", binding);
                return;
            }
            if ("version".equals(binding) && blank(task.getCamundaFormRefVersion())) {
                add(file.folder, file.path, id, LintRule.USER_TASK_FORM, "userTask.form.version");
            }
            var found = formsById.getOrDefault(ref.trim(), List.of());
            if (found.isEmpty()) {
                if (!unreadableIds.contains(ref.trim())) {
                    add(file.folder, file.path, id, LintRule.USER_TASK_FORM, "userTask.form.unknown", ref, file.folder);
                }
                return;
            }
            boolean own = found.stream().anyMatch(f -> f.folder().equals(file.folder));
            boolean shared = found.stream().anyMatch(f -> f.folder().equals(CatalogueFiles.SHARED));
            if (own) return;
            if ("deployment".equals(binding)) {
                // formRefBinding="deployment" looks only in the deployment of the process: its own folder
                add(file.folder, file.path, id, LintRule.USER_TASK_FORM, "userTask.form.otherDeployment", ref, found.get(0).folder());
            } else if (!shared) {
                add(file.folder, file.path, id, LintRule.USER_TASK_FORM, "userTask.form.foreign", ref, found.get(0).folder());
            }
        }

        void checkImplementation(BpmnFile file, Activity task, String javaClass, String delegate, String expression, String type) {
            int implementations = (blank(javaClass) ? 0 : 1) + (blank(delegate) ? 0 : 1) + (blank(expression) ? 0 : 1)
                    + (blank(type) ? 0 : 1) + (hasConnector(task) ? 1 : 0);
            if (implementations != 1) {
                add(file.folder, file.path, task.getId(), LintRule.SERVICE_TASK_IMPLEMENTATION, "serviceTask.implementation", implementations);
            }
        }

        private boolean hasConnector(BaseElement element) {
            return element.getExtensionElements() != null
                    && !element.getExtensionElements().getElementsQuery().filterByType(CamundaConnector.class).list().isEmpty();
        }

        void checkBusinessRule(BpmnFile file, BusinessRuleTask task) {
            String ref = task.getCamundaDecisionRef();
            if (blank(ref)) {
                boolean other = !blank(task.getCamundaClass()) || !blank(task.getCamundaDelegateExpression())
                        || !blank(task.getCamundaExpression()) || !blank(task.getCamundaType());
                if (other) {
                    checkImplementation(file, task, task.getCamundaClass(), task.getCamundaDelegateExpression(),
                            task.getCamundaExpression(), task.getCamundaType());
                } else {
                    add(file.folder, file.path, task.getId(), LintRule.BUSINESS_RULE_DECISION, "businessRule.missing");
                }
                return;
            }
            if (Expressions.isExpression(ref)) return;
            var found = decisionsById.getOrDefault(ref.trim(), List.of());
            if (found.isEmpty()) {
                if (!unreadableIds.contains(ref.trim())) {
                    add(file.folder, file.path, task.getId(), LintRule.BUSINESS_RULE_DECISION, "businessRule.unknown", ref, file.folder);
                }
                return;
            }
            boolean own = found.stream().anyMatch(d -> d.folder().equals(file.folder));
            boolean shared = found.stream().anyMatch(d -> d.folder().equals(CatalogueFiles.SHARED));
            String binding = task.getCamundaDecisionRefBinding() == null ? "latest" : task.getCamundaDecisionRefBinding();
            if (own) return;
            if ("deployment".equals(binding) || !shared) {
                add(file.folder, file.path, task.getId(), LintRule.BUSINESS_RULE_DECISION, "businessRule.elsewhere", ref, found.get(0).folder());
            }
        }

        void checkCall(BpmnFile file, CallActivity call) {
            String callee = call.getCalledElement();
            if (!blank(call.getCamundaCaseRef())) {
                add(file.folder, file.path, call.getId(), LintRule.CALL_ACTIVITY, "callActivity.case");
                return;
            }
            if (blank(callee)) {
                add(file.folder, file.path, call.getId(), LintRule.CALL_ACTIVITY, "callActivity.missing");
                return;
            }
            String binding = call.getCamundaCalledElementBinding() == null ? "latest" : call.getCamundaCalledElementBinding();
            if (!Set.of("latest", "deployment", "version", "versionTag").contains(binding)) {
                add(file.folder, file.path, call.getId(), LintRule.CALL_ACTIVITY, "callActivity.binding", binding);
                return;
            }
            if ("version".equals(binding) && blank(call.getCamundaCalledElementVersion())
                    || "versionTag".equals(binding) && blank(call.getCamundaCalledElementVersionTag())) {
                add(file.folder, file.path, call.getId(), LintRule.CALL_ACTIVITY, "callActivity.bindingValue", binding);
            }
            if (Expressions.isExpression(callee)) return;
            var found = processesById.getOrDefault(callee.trim(), List.of());
            if (found.isEmpty()) {
                if (!unreadableIds.contains(callee.trim())) {
                    add(file.folder, file.path, call.getId(), LintRule.CALL_ACTIVITY, "callActivity.unknown", callee);
                }
            } else if ("deployment".equals(binding) && found.stream().noneMatch(f -> f.folder.equals(file.folder))) {
                add(file.folder, file.path, call.getId(), LintRule.CALL_ACTIVITY, "callActivity.otherDeployment", callee, found.get(0).folder);
            }
        }

        void checkExpressions(BpmnFile file) {
            Set<String> variables = variablesOf(file);
            var document = (org.w3c.dom.Document) file.model.getDocument().getDomSource().getNode();
            walk(document.getDocumentElement(), element -> {
                var attributes = element.getAttributes();
                for (int i = 0; i < attributes.getLength(); i++) {
                    Node attribute = attributes.item(i);
                    if ("stringValue".equals(attribute.getLocalName())) continue;
                    checkExpression(file, element, attribute.getNodeValue(), variables);
                }
                StringBuilder text = new StringBuilder();
                for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
                    if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                        text.append(child.getNodeValue());
                    }
                }
                checkExpression(file, element, text.toString().trim(), variables);
            });
        }

        void checkExpression(BpmnFile file, Element element, String text, Set<String> variables) {
            if (!Expressions.isExpression(text)) return;
            String at = idOf(element);
            Expressions.Names names;
            try {
                names = Expressions.names(text);
            } catch (IllegalArgumentException e) {
                add(file.folder, file.path, at, LintRule.EXPRESSION_SYNTAX, "expression.syntax", text, e.getMessage());
                return;
            }
            for (String name : names.identifiers()) {
                if (ModelConventions.ENGINE_NAMES.contains(name) || conventions.beans().contains(name) || variables.contains(name)) continue;
                add(file.folder, file.path, at, LintRule.EXPRESSION_UNKNOWN_NAME, "expression.unknownName", text, name,
                        String.join(", ", conventions.sortedBeans()));
            }
            for (String function : names.functions()) {
                if (ModelConventions.ENGINE_FUNCTIONS.contains(function)) continue;
                add(file.folder, file.path, at, LintRule.EXPRESSION_UNKNOWN_NAME, "expression.unknownFunction", text, function,
                        String.join(", ", new java.util.TreeSet<>(ModelConventions.ENGINE_FUNCTIONS)));
            }
        }

        // --- results ---------------------------------------------------------------------------------------

        FolderContent content(String name) {
            var folder = files.folders().get(name);
            Map<String, byte[]> resources = new LinkedHashMap<>();
            for (String extension : List.of(".bpmn", ".dmn")) {
                folder.processFiles().forEach((file, bytes) -> {
                    if (file.endsWith(extension)) resources.put(resourceName(name, file), bytes);
                });
            }
            Map<String, FormSchema> forms = new LinkedHashMap<>();
            folder.formFiles().forEach((file, bytes) -> {
                resources.put(resourceName(name, file), bytes);
                String path = CatalogueFiles.FORMS + "/" + name + "/" + file;
                formsById.values().stream().flatMap(List::stream).filter(f -> f.file().equals(path)).findFirst()
                        .ifPresent(f -> forms.put(f.schema().id(), f.schema()));
            });
            List<String> processKeys = models.stream().filter(m -> m.folder.equals(name)).flatMap(m -> m.processIds.stream()).toList();
            return new FolderContent(name, procedures.get(name), resources, forms, processKeys);
        }

        void add(String folder, String file, String elementId, LintRule rule, String key, Object... args) {
            problems.add(new LintProblem(folder, file, elementId, rule, "catalogue.lint." + key,
                    args == null ? List.of() : Arrays.stream(args).map(a -> a == null ? "" : a).toList()));
        }
    }

    /** The deployment resource name of a file: stable across run modes (docs/stack.md, pitfall 5). */
    public static String resourceName(String folder, String file) { return folder + "/" + file; }

    private static void addIfPresent(Set<String> into, String value) {
        if (value != null && !value.isBlank()) into.add(value.trim());
    }

    private static String idOf(ModelElementInstance element) {
        for (ModelElementInstance e = element; e != null; e = e.getParentElement()) {
            if (e instanceof BaseElement base && base.getId() != null) return base.getId();
        }
        return null;
    }

    private static String idOf(Element element) {
        for (Node n = element; n instanceof Element e; n = e.getParentNode()) {
            if (e.hasAttribute("id")) return e.getAttribute("id");
        }
        return null;
    }

    /** Depth-first over the elements the engine reads, skipping texts it never evaluates as JUEL. */
    private static void walk(Element element, java.util.function.Consumer<Element> visitor) {
        String ns = element.getNamespaceURI();
        String local = element.getLocalName();
        if (BPMN_NS.equals(ns) && SKIPPED_BPMN.contains(local)) return;
        if (CAMUNDA_NS.equals(ns) && SKIPPED_CAMUNDA.contains(local)) return;
        if (ns != null && !BPMN_NS.equals(ns) && !CAMUNDA_NS.equals(ns)) return;
        // A condition or parameter in a script language is not JUEL
        if (element.hasAttribute("language") && !"juel".equalsIgnoreCase(element.getAttribute("language"))) return;
        visitor.accept(element);
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) walk(e, visitor);
        }
    }

    private static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SAXParseException sax) {
                return "line " + sax.getLineNumber() + ", column " + sax.getColumnNumber() + ": " + sax.getMessage();
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String message = root.getMessage() != null ? root.getMessage() : e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }

    /** The decision engine, built once: parsing a DMN file needs no process engine, and building one is slow. */
    private static final class DecisionEngine {
        static final DmnEngine INSTANCE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    }
}
