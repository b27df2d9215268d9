package vn.motcua.shared;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The one thread of a node's periodic background work (heartbeat, sweeps, polls): named after that work so that a
 * thread dump tells what it is, and a daemon, so that it never keeps a stopping JVM alive.
 */
public final class BackgroundRounds {
    private BackgroundRounds() { }

    /** A scheduler with one daemon thread of that name. */
    public static ScheduledExecutorService scheduler(String threadName) {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }
}
