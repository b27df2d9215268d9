package vn.motcua.tasklist;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.shared.InvalidInputException;
import vn.motcua.shared.Messages;
import vn.motcua.shared.ResultPage;

/** The caller's tasks, for integrations and scripts. */
@RestController
@RequestMapping("/api/tasks")
@Tag(name = "Tasks", description = "Công việc / tasks")
class TaskController {
    private final TaskListService service;
    private final Messages messages;

    TaskController(TaskListService service, Messages messages) {
        this.service = service;
        this.messages = messages;
    }

    record TaskJson(String id, String name, String stepKey, String dossierCode, String procedureCode, Instant createdAt,
                    Instant dueAt, String assignee, String formKey, String candidateGroup, String unit,
                    Instant followUpAt, String returnedTo, boolean paused, Integer dossierStatus, String applicantName,
                    Instant receivedAt, String channel) { }

    record CompleteRequest(Map<String, Object> data) { }

    record AssigneeRequest(String username) { }

    record FollowUpRequest(LocalDate date) { }

    record HandOverRequest(String from, String to) { }

    @GetMapping
    @Operation(summary = "The caller's tasks, a page at a time",
            description = "tab: all-tasks (default), my-tasks, unassigned-tasks, returned-tasks, paused-tasks, overdue-tasks, "
                    + "nearly-due-tasks, follow-up-tasks. Filters: q, procedure, sector, status, channel, receivedFrom, "
                    + "receivedTo, dueFrom, dueTo (yyyy-MM-dd), applicant, assignee, overdue. sort=column[,asc|desc] over "
                    + "dueAt (default), createdAt, dossierCode, name, procedureCode, applicant, receivedAt, assignee, "
                    + "followUpAt, status. page from 0, size 1..1000 (default 50). Answers {items, total, page, size}.")
    ResultPage<TaskJson> list(@RequestParam Map<String, String> query) {
        var q = new vn.motcua.shared.ListQuery(query, messages);
        TaskFilter filter = filter(q);
        var sort = q.sort(TaskSort::ofProperty, TaskSort.DUE_AT,
                java.util.Arrays.stream(TaskSort.values()).map(TaskSort::property).toList());
        return service.page(filter, sort.column(), sort.ascending(), q.page(), q.size()).map(TaskController::toJson);
    }

    static TaskFilter filter(vn.motcua.shared.ListQuery q) {
        String tabKey = q.text("tab");
        WorkTab tab = tabKey == null ? WorkTab.ALL : WorkTab.ofKey(tabKey)
                .orElseThrow(() -> q.invalid("tab", java.util.Arrays.stream(WorkTab.values()).map(WorkTab::key).toList()));
        return new TaskFilter(tab, q.text("q"), q.text("procedure"), q.text("sector"), q.integer("status"),
                q.text("channel"), q.date("receivedFrom"), q.date("receivedTo"), q.date("dueFrom"), q.date("dueTo"),
                q.text("applicant"), q.text("assignee"), q.bool("overdue"));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One task")
    TaskJson get(@PathVariable String id) { return toJson(service.task(id)); }

    @PostMapping("/{id}/claim")
    @Operation(summary = "Take a task (409 when somebody else has it, or took or completed it at the same moment)")
    TaskJson claim(@PathVariable String id) { return toJson(service.claim(id)); }

    @PostMapping("/{id}/release")
    @Operation(summary = "Give a task one holds back to its group (409 when one does not hold it)")
    Map<String, Object> release(@PathVariable String id) {
        service.release(id);
        return Map.of("released", id);
    }

    @PutMapping("/{id}/assignee")
    @Operation(summary = "A leader hands a task of their unit to someone of its group (username null: back to the group)")
    TaskJson reassign(@PathVariable String id, @RequestBody(required = false) AssigneeRequest body) {
        return toJson(service.reassign(id, body == null ? null : body.username()));
    }

    @PutMapping("/{id}/follow-up")
    @Operation(summary = "Set (or clear with null) the day to look at a task again")
    TaskJson followUp(@PathVariable String id, @RequestBody(required = false) FollowUpRequest body) {
        return toJson(service.followUp(id, body == null ? null : body.date()));
    }

    @PostMapping("/hand-over")
    @Operation(summary = "A leader hands every open task an absent person holds in their unit to someone else of the same group")
    Map<String, Object> handOver(@RequestBody(required = false) HandOverRequest body) {
        if (body == null) throw new InvalidInputException("from", messages.get("error.field.required", "from"));
        return Map.of("moved", service.handOver(body.from(), body.to()));
    }

    @PostMapping("/{id}/complete")
    @Operation(summary = "Complete a task with its form's data (400 naming the field when invalid; 409 when somebody "
            + "else holds it or completed it at the same moment)")
    Map<String, Object> complete(@PathVariable String id, @RequestBody(required = false) CompleteRequest body) {
        service.complete(id, body == null ? Map.of() : body.data());
        return Map.of("completed", id);
    }

    static TaskJson toJson(WorkTask t) {
        return new TaskJson(t.id(), t.name(), t.stepKey(), t.dossierCode(), t.procedureCode(), t.createdAt(), t.dueAt(),
                t.assignee(), t.formKey(), t.candidateGroup(), t.unitIdentifier(), t.followUpAt(), t.returnedTo(),
                t.paused(), t.dossierStatus(), t.applicantName(), t.receivedAt(), t.channel());
    }

}
