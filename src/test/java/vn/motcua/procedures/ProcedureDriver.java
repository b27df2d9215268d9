package vn.motcua.procedures;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import vn.motcua.TestUsers;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Channel;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierService;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierStep;
import vn.motcua.dossier.ReceiveDossier;
import vn.motcua.organisation.OrganisationService;
import vn.motcua.organisation.Role;
import vn.motcua.security.SystemAccess;
import vn.motcua.tasklist.TaskListService;
import vn.motcua.tasklist.WorkTask;

/**
 * Drives a procedure the way people do: a clerk receives the dossier, each step is completed by a user of the
 * step's candidate group through the task list (with the step's form data, validated as on the screen).
 */
final class ProcedureDriver {
    /** Demo units the procedures of these tests run at (DemoOrganisation). */
    static final String WARD = "000.01.15.H33";
    static final String COMMUNE = "000.02.17.H33";
    /** A former city (closed on 30 June 2025, two-tier local government): no dossier is received there any more. */
    static final String CITY = "000.00.15.H33";
    static final String TOURISM = "000.00.05.H33";
    static final String TAX_OFFICE = "000.00.30.H33";
    /** Sở Nông nghiệp và Môi trường (natural resources and agriculture since 1 March 2025). */
    static final String NATURAL_RESOURCES = "000.00.02.H33";
    static final String HEALTH = "000.00.03.H33";
    /** Sở Xây dựng (construction and transport since 1 March 2025). */
    static final String CONSTRUCTION = "000.00.10.H33";
    static final String INDUSTRY_TRADE = "000.00.07.H33";
    static final String AGRICULTURE = NATURAL_RESOURCES;

    private final ProcessEngine engine;
    private final DossierService dossiers;
    private final TaskListService tasks;
    private final TestUsers users;
    private final OrganisationService organisation;

    ProcedureDriver(ProcessEngine engine, DossierService dossiers, TaskListService tasks, TestUsers users,
                    OrganisationService organisation) {
        this.engine = engine;
        this.dossiers = dossiers;
        this.tasks = tasks;
        this.users = users;
        this.organisation = organisation;
    }

    /** A civil servant at a department the demo data gives no users, created once (the test database persists). */
    ProcedureDriver ensureUser(String username, String unitIdentifier, Role role) {
        SystemAccess.run(() -> {
            if (organisation.user(username).isPresent()) return;
            var unit = organisation.unitByIdentifier(unitIdentifier).orElseThrow();
            organisation.createUser(username, "demo", "Cán Bộ " + username, username + "@test.motcua.vn", unit, EnumSet.of(role));
        });
        return this;
    }

    Dossier receive(String clerk, String procedureCode, Map<String, Object> data) {
        users.signInAs(clerk);
        return dossiers.receive(vn.motcua.Intakes.checked(new ReceiveDossier(procedureCode, Channel.IN_PERSON,
                new Applicant("Nguyễn Văn An", "091234567890", "0912345678", "an@example.vn", "5 Trần Phú, Rạch Giá"),
                data, null)));
    }

    /** The task of the dossier in the user's task list (assigned to them or waiting for one of their groups). */
    WorkTask taskOf(String username, String code) {
        users.signInAs(username);
        return tasks.tasksOf(code).stream().findFirst()
                .orElseThrow(() -> new AssertionError("no task of " + code + " in the task list of " + username));
    }

    /** Completes the user's task of the dossier with the step's form data, through the task list. */
    void complete(String username, String code, Map<String, Object> data) {
        WorkTask task = taskOf(username, code);
        users.signInAs(username);
        tasks.complete(task.id(), data);
    }

    /** The procedure's own process instance (the lifecycle around it has the same business key). */
    ProcessInstance instance(String code, String processKey) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(code)
                .processDefinitionKey(processKey).singleResult();
    }

    /** The open engine tasks of the procedure's process at one step (several for a multi-instance step). */
    List<Task> openTasks(String code, String processKey, String stepKey) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(code)
                .processDefinitionKey(processKey).taskDefinitionKey(stepKey).list();
    }

    /** A variable of the procedure's process, running or finished. */
    Object variable(String code, String processKey, String name) {
        var historic = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(code).processDefinitionKey(processKey).singleResult();
        var value = engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(historic.getId()).variableName(name).singleResult();
        return value == null ? null : value.getValue();
    }

    DossierStatus status(String code) {
        users.signInAs("supervisor");
        return dossiers.get(code).status();
    }

    List<DossierStep> steps(String code) {
        users.signInAs("supervisor");
        return dossiers.steps(code);
    }

    void signOut() { users.signOut(); }
}
