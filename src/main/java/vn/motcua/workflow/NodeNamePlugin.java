package vn.motcua.workflow;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;
import vn.motcua.shared.ClusterNode;

/**
 * The engine knows this node by the cluster's name for it ({@code motcua.node-id}): its job executor locks jobs as
 * that name (the engine's {@code LOCK_OWNER_}) and reports its metrics under it, so a job held by a node can be told
 * apart from the others' in the engine's tables. Two nodes never share a name ({@link ClusterNode} refuses the start).
 */
@Component
class NodeNamePlugin extends AbstractProcessEnginePlugin {
    private final ClusterNode node;

    NodeNamePlugin(ClusterNode node) {
        this.node = node;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHostname(node.id());
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getJobExecutor() != null) configuration.getJobExecutor().setLockOwner(node.id());
    }
}
