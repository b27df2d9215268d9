package vn.motcua.procedures;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.TestUsers;
import vn.motcua.dossier.DossierService;
import vn.motcua.organisation.OrganisationService;
import vn.motcua.tasklist.TaskListService;

/**
 * What every procedure's process test starts from: the engine's assertions bound to the application's engine and a
 * {@link ProcedureDriver} with the demo users (and those {@link #withUsers} adds), everyone signed out after each test.
 */
abstract class ProcedureProcessTest {
    @Autowired ProcessEngine engine;
    @Autowired DossierService dossiers;
    @Autowired TaskListService tasks;
    @Autowired TestUsers users;
    @Autowired OrganisationService organisation;
    ProcedureDriver driver;

    @BeforeEach
    void startDriver() {
        AbstractAssertions.init(engine);
        driver = withUsers(new ProcedureDriver(engine, dossiers, tasks, users, organisation));
    }

    /** The users the procedure needs beyond the demo ones ({@link ProcedureDriver#ensureUser}); none by default. */
    ProcedureDriver withUsers(ProcedureDriver driver) {
        return driver;
    }

    @AfterEach
    void signOutDriver() { driver.signOut(); }
}
