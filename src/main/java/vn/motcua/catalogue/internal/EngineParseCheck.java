package vn.motcua.catalogue.internal;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;

/**
 * Runs the engine's BPMN parser on a file, as a deployment would, but keeps the result: nothing is written to the
 * database or the deployment cache. The parse runs inside an engine command because parts of it read the engine's
 * configuration from the command context (history time to live, XML security settings).
 */
public final class EngineParseCheck implements DeployabilityCheck {
    private final ProcessEngineConfigurationImpl configuration;

    public EngineParseCheck(ProcessEngine engine) {
        this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }

    @Override
    public List<Refusal> check(String resourceName, byte[] bpmn) {
        return configuration.getCommandExecutorTxRequired().execute(commandContext -> {
            // A parser of our own, without the engine's parse listeners: they only decorate what is deployed
            var parser = new BpmnParser(configuration.getExpressionManager(), configuration.getBpmnParseFactory());
            var deployment = new DeploymentEntity();
            deployment.setName("motcua-lint");
            try {
                parser.createParse().deployment(deployment).sourceInputStream(new ByteArrayInputStream(bpmn))
                        .name(resourceName).execute();
                return List.of();
            } catch (ParseException e) {
                List<Refusal> refusals = new ArrayList<>();
                for (ResourceReport report : e.getResorceReports()) {
                    for (Problem problem : report.getErrors()) {
                        refusals.add(new Refusal(problem.getMainElementId(), problem.getMessage()
                                + (problem.getLine() > 0 ? " (line " + problem.getLine() + ")" : "")));
                    }
                }
                return refusals.isEmpty() ? List.of(new Refusal(null, e.getMessage())) : refusals;
            } catch (ProcessEngineException e) {
                return List.of(new Refusal(null, e.getMessage()));
            }
        });
    }
}
