package vn.motcua.procedures;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import vn.motcua.forms.FormSchema;
import vn.motcua.workflow.DossierProcess;

/**
 * The conventions of DossierProcess and the README, checked on the models of these procedures as files, without
 * starting the application: what the catalogue deploys must also be drawable (bpmn-js, Cockpit) and complete.
 */
class ProcedureModelConventionsTest {
    private static final PathMatchingResourcePatternResolver FILES = new PathMatchingResourcePatternResolver();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, byte[]> files(String pattern) throws IOException {
        Map<String, byte[]> found = new HashMap<>();
        for (Resource r : FILES.getResources("classpath*:" + pattern)) {
            try (InputStream in = r.getInputStream()) {
                found.put(r.getFilename(), in.readAllBytes());
            }
        }
        return found;
    }

    private static String single(Set<String> values) {
        assertThat(values).hasSize(1);
        return values.iterator().next();
    }

    @ParameterizedTest
    @ValueSource(strings = {"certified-copy", "marriage-registration", "construction-permit", "land-transfer-registration",
            "signature-certification", "tour-guide-card-renewal", "food-safety-certificate", "electricity-retail-licence",
            "chemical-production-certificate", "diploma-copy-from-register", "death-registration", "pharmacy-gpp-assessment",
            "birth-residence-health-insurance", "death-residence-funeral-allowance"})
    void theFolderFollowsTheModelConventions(String folder) throws IOException {
        JsonNode descriptor = JSON.readTree(files("processes/" + folder + "/procedure.json").get("procedure.json"));
        assertThat(descriptor.path("process").asText()).isEqualTo(folder);
        assertThat(descriptor.path("intakeForm").asText()).isEqualTo(folder + "-intake");

        // Forms: Camunda Modeler 5 files named after their ids, parsed as MotCua parses them
        Set<String> formIds = new HashSet<>();
        Set<String> decisionOptions = new HashSet<>();
        for (var form : files("forms/" + folder + "/*.form").entrySet()) {
            JsonNode json = JSON.readTree(form.getValue());
            String id = json.path("id").asText();
            assertThat(form.getKey()).as("form file named after its id").isEqualTo(id + ".form");
            assertThat(json.path("schemaVersion").asInt()).isEqualTo(16);
            assertThat(json.path("exporter").path("name").asText()).isEqualTo("Camunda Modeler");
            assertThat(json.path("exporter").path("version").asText()).isEqualTo("5.31.0");
            assertThat(json.path("executionPlatform").asText()).isEqualTo("Camunda Platform");
            assertThat(json.path("executionPlatformVersion").asText()).isEqualTo("7.24.0");
            FormSchema schema = FormSchema.parse(new String(form.getValue(), StandardCharsets.UTF_8));
            formIds.add(id);
            if (schema.processVariableKeys().contains(DossierProcess.VAR_DECISION)) {
                for (JsonNode component : json.findParents("key")) {
                    if (!DossierProcess.VAR_DECISION.equals(component.path("key").asText())) continue;
                    component.path("values").forEach(option -> decisionOptions.add(option.path("value").asText()));
                }
            }
        }

        // Decisions: one per file, named after the decision, with a history time to live
        Set<String> decisionIds = new HashSet<>();
        for (var dmn : files("processes/" + folder + "/*.dmn").entrySet()) {
            var model = Dmn.readModelFromStream(new java.io.ByteArrayInputStream(dmn.getValue()));
            var decisions = model.getModelElementsByType(Decision.class);
            assertThat(decisions).hasSize(1);
            Decision decision = decisions.iterator().next();
            assertThat(dmn.getKey()).isEqualTo(decision.getId() + ".dmn");
            assertThat(decision.getCamundaHistoryTimeToLiveString()).isNotBlank();
            decisionIds.add(decision.getId());
        }

        Map<String, byte[]> bpmns = files("processes/" + folder + "/*.bpmn");
        assertThat(bpmns).containsOnlyKeys(folder + ".bpmn");
        BpmnModelInstance model = Bpmn.readModelFromStream(new java.io.ByteArrayInputStream(bpmns.get(folder + ".bpmn")));
        Bpmn.validateModel(model);
        Process process = model.getModelElementsByType(Process.class).iterator().next();
        assertThat(process.getId()).isEqualTo(folder);
        assertThat(process.isExecutable()).isTrue();
        assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();

        // A complete diagram: every node and every flow drawn
        Set<String> drawn = model.getModelElementsByType(BpmnShape.class).stream().map(s -> s.getBpmnElement().getId()).collect(Collectors.toSet());
        drawn.addAll(model.getModelElementsByType(BpmnEdge.class).stream().map(e -> e.getBpmnElement().getId()).toList());
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) assertThat(drawn).as("shape of " + node.getId()).contains(node.getId());
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) assertThat(drawn).as("edge of " + flow.getId()).contains(flow.getId());

        // Every step: a candidate group rule, a form of the folder bound to the deployment, a deadline
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            assertThat(task.getId()).startsWith("Task_");
            assertThat(task.getCamundaCandidateGroups()).as(task.getId()).matches("(SPECIALIST|LEADER|CLERK)_\\$\\{\\w+}");
            assertThat(formIds).as(task.getId() + " form").contains(task.getCamundaFormRef());
            assertThat(task.getCamundaFormRefBinding()).isEqualTo("deployment");
            assertThat(task.getCamundaDueDate()).as(task.getId()).matches("\\$\\{deadlines\\.workingHours\\(execution, \\d+\\)}");
        }
        for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
            assertThat(decisionIds).as(task.getId() + " decision").contains(task.getCamundaDecisionRef());
            assertThat(task.getCamundaDecisionRefBinding()).isEqualTo("deployment");
            assertThat(task.getCamundaResultVariable()).isNotBlank();
            assertThat(task.getCamundaMapDecisionResult()).isIn("singleEntry", "collectEntries", "singleResult", "resultList");
        }

        // The national statuses: 2 → 4 first, 4 → 9 when the result is ready, the desk's return step, 9 → 10
        List<String> delegates = model.getModelElementsByType(ServiceTask.class).stream().map(ServiceTask::getCamundaDelegateExpression).toList();
        assertThat(delegates).containsExactlyInAnyOrder("${startProcessing}", "${markProcessed}", "${returnResult}");
        var start = model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.StartEvent.class).iterator().next();
        assertThat(single(start.getOutgoing().stream().map(f -> f.getTarget().getId()).collect(Collectors.toSet()))).isEqualTo("Task_StartProcessing");
        UserTask returnStep = model.getModelElementById("Task_ReturnResult");
        assertThat(returnStep.getCamundaCandidateGroups()).isEqualTo("CLERK_${unit}");
        assertThat(single(returnStep.getIncoming().stream().map(f -> f.getSource().getId()).collect(Collectors.toSet()))).isEqualTo("Task_MarkProcessed");
        assertThat(single(returnStep.getOutgoing().stream().map(f -> f.getTarget().getId()).collect(Collectors.toSet()))).isEqualTo("Task_RecordResultReturned");
    
        // The routing flag of the process contract (DossierProcess.VAR_DECISION): each value a gateway tests is an
        // option of the `decision` field of one of the folder's forms, marked as a process variable
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            if (flow.getConditionExpression() == null) continue;
            String condition = flow.getConditionExpression().getTextContent();
            var tested = java.util.regex.Pattern.compile("\\b" + DossierProcess.VAR_DECISION + "\\s*==\\s*'(\\w+)'").matcher(condition);
            while (tested.find()) {
                assertThat(decisionOptions).as(flow.getId() + ": " + condition).contains(tested.group(1));
            }
        }
    }
}
