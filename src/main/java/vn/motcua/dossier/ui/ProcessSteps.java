package vn.motcua.dossier.ui;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/** Finds steps of a process model for the diagram. */
final class ProcessSteps {
    private ProcessSteps() { }

    /** The ids of the user tasks of this BPMN XML named so (the dossier keeps its current step by name). */
    static List<String> idsNamed(String xml, String name) {
        var model = Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        return model.getModelElementsByType(UserTask.class).stream()
                .filter(t -> name.equals(t.getName())).map(UserTask::getId).toList();
    }
}
