package vn.motcua.attachment.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.springframework.stereotype.Component;

/**
 * This node's name in the work queues: {@code motcua.attachment.node-id}, else the host name. A node that starts
 * releases the claims its name still holds, which were left by its previous run.
 */
@Component
public class NodeIdentity {
    private final String id;

    NodeIdentity(AttachmentSettings settings) {
        String configured = settings.getNodeId();
        this.id = configured != null && !configured.isBlank() ? configured.trim() : hostName();
    }

    public String id() { return id; }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String env = System.getenv("HOSTNAME");
            return env == null || env.isBlank() ? "node" : env;
        }
    }
}
