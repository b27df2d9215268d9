package vn.motcua.catalogue.internal;

import java.util.List;

/**
 * The engine's last word on a BPMN file before anything is deployed: the linter's own rules cover MotCua's
 * conventions and the usual mistakes, the engine's parser everything else it would refuse at deployment.
 */
@FunctionalInterface
public interface DeployabilityCheck {

    /**
     * Parses a BPMN file as the engine would deploy it, without deploying it.
     *
     * @param resourceName the deployment resource name, for the engine's messages
     * @return what the engine refuses, empty when it would deploy the file
     */
    List<Refusal> check(String resourceName, byte[] bpmn);

    /** One error of the engine's parser: the element it names (may be null) and its message. */
    record Refusal(String elementId, String message) { }
}
