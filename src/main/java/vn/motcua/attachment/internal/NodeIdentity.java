package vn.motcua.attachment.internal;

import org.springframework.stereotype.Component;
import vn.motcua.shared.ClusterNode;

/**
 * This node's name in the work queues ({@link ClusterNode}: {@code motcua.node-id}, else the host name), and whether
 * the node that claimed a piece of work is still alive. A node that starts releases the claims its name still holds,
 * which were left by its previous run; a dead node's claims are taken up by the others at once.
 */
@Component
public class NodeIdentity {
    private final ClusterNode node;

    NodeIdentity(ClusterNode node) {
        this.node = node;
    }

    public String id() { return node.id(); }

    /** The nodes alive now (this one included). */
    public java.util.Set<String> live() { return node.liveNodes(); }
}
