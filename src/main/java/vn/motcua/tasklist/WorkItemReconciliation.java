package vn.motcua.tasklist;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start, the read model catches up with the engine when they differ: steps opened before the read model existed
 * (an upgrade) get their rows, rows of steps that no longer exist go. Every later change is written by the task
 * listeners in the engine's own transaction.
 */
@Component
class WorkItemReconciliation {
    private static final Logger log = LoggerFactory.getLogger(WorkItemReconciliation.class);
    private static final int PAGE = 500;

    private final TaskService tasks;
    private final org.camunda.bpm.engine.RuntimeService runtime;
    private final WorkItems items;
    private final WorkItemWriter writer;
    private final TransactionTemplate transactions;

    WorkItemReconciliation(TaskService tasks, org.camunda.bpm.engine.RuntimeService runtime, WorkItems items, WorkItemWriter writer,
                           org.springframework.transaction.PlatformTransactionManager transactionManager) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.items = items;
        this.writer = writer;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        int[] changed;
        try {
            changed = transactions.execute(s -> reconcile());
        } catch (RuntimeException e) {
            // Another node catching up at the same moment: its rows are the same; the next start checks again
            log.warn("Worklists could not catch up with the engine at start: {}", e.toString());
            return;
        }
        if (changed != null && (changed[0] > 0 || changed[1] > 0)) {
            log.info("Worklists caught up with the engine: {} steps added, {} removed", changed[0], changed[1]);
        }
    }

    /** Adds the missing rows and removes the stale ones; returns {added, removed}. */
    int[] reconcile() {
        long open = tasks.createTaskQuery().count();
        if (open == items.size() && allPresent(open)) return new int[] {0, 0};
        int added = 0;
        Set<String> engineIds = new HashSet<>();
        for (int first = 0; ; first += PAGE) {
            List<Task> page = tasks.createTaskQuery().initializeFormKeys().orderByTaskId().asc().listPage(first, PAGE);
            for (Task t : page) {
                engineIds.add(t.getId());
                if (items.find(t.getId()).isEmpty()) {
                    writer.write(facts(t));
                    added++;
                }
            }
            if (page.size() < PAGE) break;
        }
        int removed = 0;
        for (int first = 0; ; first += PAGE) {
            var ids = items.taskIds(first, PAGE);
            for (String id : ids) {
                if (!engineIds.contains(id)) {
                    items.delete(id);
                    removed++;
                }
            }
            if (ids.size() < PAGE) break;
        }
        return new int[] {added, removed};
    }

    private boolean allPresent(long open) {
        if (open == 0) return true;
        var ids = tasks.createTaskQuery().orderByTaskId().asc().listPage(0, PAGE).stream().map(Task::getId).toList();
        return items.countPresent(ids) == ids.size();
    }

    private WorkItemFacts facts(Task t) {
        String group = tasks.getIdentityLinksForTask(t.getId()).stream().map(l -> l.getGroupId())
                .filter(g -> g != null).sorted().findFirst().orElse(null);
        String key = t.getProcessDefinitionId() == null ? null : t.getProcessDefinitionId().split(":")[0];
        var instance = t.getProcessInstanceId() == null ? null
                : runtime.createProcessInstanceQuery().processInstanceId(t.getProcessInstanceId()).singleResult();
        String businessKey = instance == null ? null : instance.getBusinessKey();
        return new WorkItemFacts(t.getId(), t.getProcessInstanceId(), businessKey, t.getTaskDefinitionKey(), t.getName(),
                t.getCamundaFormRef() == null ? null : t.getCamundaFormRef().getKey(), key, group, t.getAssignee(),
                t.getCreateTime().toInstant(), t.getDueDate() == null ? null : t.getDueDate().toInstant(),
                t.getFollowUpDate() == null ? null : t.getFollowUpDate().toInstant());
    }
}
