package vn.motcua.catalogue.internal;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * What changed from one version of a procedure to the next, read from the models rather than the text: steps
 * (activities) added, removed or renamed, step deadlines ({@code camunda:dueDate}) and candidate roles
 * ({@code camunda:candidateGroups}, assignee) changed, forms added or removed and their fields (keys) added or
 * removed, and in the descriptor the processing time and the fee.
 */
public final class VersionComparison {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One change: a message of the i18n/catalogue bundles ({@code catalogue.design.change.*}) and its arguments. */
    public record Change(String kind, String messageKey, List<Object> args) {
        public Change {
            args = List.copyOf(args);
        }

        /** The change in words, in one language. */
        public String message(Locale locale) { return CatalogueMessages.message(locale, messageKey, args.toArray()); }
    }

    private record Step(String name, String dueDate, String roles) { }

    private VersionComparison() { }

    /**
     * @param before the previous version, or null for the first one
     * @param after  the version compared
     */
    public static List<Change> compare(CatalogueFiles.Folder before, CatalogueFiles.Folder after) {
        List<Change> changes = new ArrayList<>();
        if (before == null) {
            changes.add(change("first", "catalogue.design.change.first"));
            return changes;
        }
        Map<String, Step> oldSteps = steps(before);
        Map<String, Step> newSteps = steps(after);
        for (var entry : newSteps.entrySet()) {
            String id = entry.getKey();
            Step now = entry.getValue();
            Step was = oldSteps.get(id);
            if (was == null) {
                changes.add(change("step", "catalogue.design.change.stepAdded", id, label(now.name())));
                continue;
            }
            if (!Objects.equals(was.name(), now.name())) {
                changes.add(change("step", "catalogue.design.change.stepRenamed", id, label(was.name()), label(now.name())));
            }
            if (!Objects.equals(was.dueDate(), now.dueDate())) {
                changes.add(change("deadline", "catalogue.design.change.deadline", id, label(was.dueDate()), label(now.dueDate())));
            }
            if (!Objects.equals(was.roles(), now.roles())) {
                changes.add(change("role", "catalogue.design.change.role", id, label(was.roles()), label(now.roles())));
            }
        }
        oldSteps.forEach((id, was) -> {
            if (!newSteps.containsKey(id)) changes.add(change("step", "catalogue.design.change.stepRemoved", id, label(was.name())));
        });
        Map<String, TreeSet<String>> oldForms = forms(before);
        Map<String, TreeSet<String>> newForms = forms(after);
        newForms.forEach((id, keys) -> {
            var was = oldForms.get(id);
            if (was == null) {
                changes.add(change("form", "catalogue.design.change.formAdded", id));
                return;
            }
            var added = new TreeSet<>(keys);
            added.removeAll(was);
            var removed = new TreeSet<>(was);
            removed.removeAll(keys);
            if (!added.isEmpty()) changes.add(change("form", "catalogue.design.change.fieldsAdded", id, String.join(", ", added)));
            if (!removed.isEmpty()) changes.add(change("form", "catalogue.design.change.fieldsRemoved", id, String.join(", ", removed)));
        });
        oldForms.keySet().stream().filter(id -> !newForms.containsKey(id))
                .forEach(id -> changes.add(change("form", "catalogue.design.change.formRemoved", id)));
        JsonNode oldDescriptor = descriptor(before);
        JsonNode newDescriptor = descriptor(after);
        String oldFee = text(oldDescriptor.path("fee").path("amount"));
        String newFee = text(newDescriptor.path("fee").path("amount"));
        if (!Objects.equals(oldFee, newFee)) changes.add(change("fee", "catalogue.design.change.fee", label(oldFee), label(newFee)));
        String oldTime = time(oldDescriptor.path("processingTime"));
        String newTime = time(newDescriptor.path("processingTime"));
        if (!Objects.equals(oldTime, newTime)) changes.add(change("time", "catalogue.design.change.time", label(oldTime), label(newTime)));
        if (changes.isEmpty() && !ProcedurePackage.hash(before).equals(ProcedurePackage.hash(renamed(after, before.name())))) {
            changes.add(change("other", "catalogue.design.change.other"));
        }
        if (changes.isEmpty()) changes.add(change("none", "catalogue.design.change.none"));
        return changes;
    }

    private static CatalogueFiles.Folder renamed(CatalogueFiles.Folder folder, String name) {
        return new CatalogueFiles.Folder(name, folder.processFiles(), folder.formFiles());
    }

    private static Change change(String kind, String key, Object... args) { return new Change(kind, key, List.of(args)); }

    private static String label(String value) { return value == null || value.isBlank() ? "—" : value; }

    private static Map<String, Step> steps(CatalogueFiles.Folder folder) {
        Map<String, Step> steps = new LinkedHashMap<>();
        folder.processFiles().forEach((name, bytes) -> {
            if (!name.endsWith(".bpmn")) return;
            try {
                var model = Bpmn.readModelFromStream(new ByteArrayInputStream(bytes));
                for (Activity activity : model.getModelElementsByType(Activity.class)) {
                    String due = null;
                    String roles = null;
                    if (activity instanceof UserTask task) {
                        due = task.getCamundaDueDate();
                        List<String> who = new ArrayList<>();
                        if (task.getCamundaAssignee() != null) who.add(task.getCamundaAssignee());
                        if (task.getCamundaCandidateGroups() != null) who.add(task.getCamundaCandidateGroups());
                        if (task.getCamundaCandidateUsers() != null) who.add(task.getCamundaCandidateUsers());
                        roles = who.isEmpty() ? null : String.join("; ", who);
                    }
                    steps.put(activity.getId(), new Step(activity.getName(), due, roles));
                }
            } catch (RuntimeException e) {
                // A stored version passed the linter; a model that no longer reads contributes no steps
            }
        });
        return steps;
    }

    private static Map<String, TreeSet<String>> forms(CatalogueFiles.Folder folder) {
        Map<String, TreeSet<String>> forms = new TreeMap<>();
        folder.formFiles().forEach((name, bytes) -> {
            try {
                JsonNode form = JSON.readTree(bytes);
                var keys = new TreeSet<String>();
                collectKeys(form.path("components"), keys);
                forms.put(form.path("id").asText(name.replace(".form", "")), keys);
            } catch (java.io.IOException e) {
                forms.put(name.replace(".form", ""), new TreeSet<>());
            }
        });
        return forms;
    }

    private static void collectKeys(JsonNode components, TreeSet<String> keys) {
        for (JsonNode component : components) {
            if (component.hasNonNull("key")) keys.add(component.get("key").asText());
            collectKeys(component.path("components"), keys);
        }
    }

    private static JsonNode descriptor(CatalogueFiles.Folder folder) {
        byte[] bytes = folder.processFiles().get(CatalogueFiles.DESCRIPTOR);
        if (bytes == null) return JSON.createObjectNode();
        try {
            return JSON.readTree(bytes);
        } catch (java.io.IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.decimalValue().stripTrailingZeros().toPlainString();
    }

    private static String time(JsonNode node) {
        return node.isMissingNode() ? null : node.path("amount").asText() + " " + node.path("unit").asText();
    }
}
