package vn.motcua.tasklist;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's tasks, for integrations and scripts. */
@RestController
@RequestMapping("/api/tasks")
@Tag(name = "Tasks", description = "Công việc / tasks")
class TaskController {
    private final TaskListService service;

    TaskController(TaskListService service) { this.service = service; }

    record TaskJson(String id, String name, String stepKey, String dossierCode, String procedureCode, Instant createdAt,
                    Instant dueAt, String assignee, String formKey) { }

    record CompleteRequest(Map<String, Object> data) { }

    @GetMapping
    @Operation(summary = "The caller's assigned and candidate tasks, earliest due first")
    List<TaskJson> list() {
        return service.myTasks().stream().map(TaskController::toJson).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One task")
    TaskJson get(@PathVariable String id) { return toJson(service.task(id)); }

    @PostMapping("/{id}/claim")
    @Operation(summary = "Take a task (409 when somebody else has it)")
    TaskJson claim(@PathVariable String id) { return toJson(service.claim(id)); }

    @PostMapping("/{id}/complete")
    @Operation(summary = "Complete a task with its form's data (400 naming the field when invalid)")
    Map<String, Object> complete(@PathVariable String id, @RequestBody(required = false) CompleteRequest body) {
        service.complete(id, body == null ? Map.of() : body.data());
        return Map.of("completed", id);
    }

    private static TaskJson toJson(WorkTask t) {
        return new TaskJson(t.id(), t.name(), t.stepKey(), t.dossierCode(), t.procedureCode(), t.createdAt(), t.dueAt(),
                t.assignee(), t.formKey());
    }
}
