package vn.motcua.sandbox;

import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;

/**
 * The designers' test engine: a Camunda engine apart from the application's, on an in-memory H2 database of its own,
 * without a job executor (the test run fires its timers when the designer asks), with history FULL (the path taken)
 * and with only the beans the models may call, each a test version ({@link TrialRuns}). It is not
 * registered with {@link ProcessEngines}, so Camunda's REST API and web applications never see it.
 */
final class SandboxEngine implements AutoCloseable {
    private final ProcessEngine engine;

    SandboxEngine(Map<Object, Object> beans) {
        String name = "motcua-sandbox-" + UUID.randomUUID();
        var configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName(name);
        configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        configuration.setJdbcDriver("org.h2.Driver");
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setJobExecutorActivate(false);
        configuration.setMetricsEnabled(false);
        configuration.setDbMetricsReporterActivate(false);
        configuration.setEnforceHistoryTimeToLive(false);
        configuration.setBeans(beans);
        this.engine = configuration.buildProcessEngine();
        ProcessEngines.unregister(engine);
    }

    ProcessEngine engine() { return engine; }

    @Override
    public void close() { engine.close(); }
}
