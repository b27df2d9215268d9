package vn.motcua.security;

import java.time.Duration;
import java.util.function.IntSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work the system does in rounds on every node, such as sending an outbox's messages: every {@code interval} one
 * round runs as the system, on a thread of its own; a round that fails is logged and the next one tries again. The
 * rows a round works on are claimed by one node at a time by the round itself.
 */
public class SystemRounds extends vn.motcua.shared.ScheduledRounds {
    private static final Logger log = LoggerFactory.getLogger(SystemRounds.class);

    private final String name;
    private final Duration interval;
    private final IntSupplier round;

    /**
     * @param name     the thread's name, and the log's
     * @param interval the wait between the end of one round and the start of the next
     * @param round    one round, answering how many things it handled
     */
    public SystemRounds(String name, Duration interval, IntSupplier round) {
        super(name);
        this.name = name;
        this.interval = interval;
        this.round = round;
    }

    /** One round now. */
    public void runOnce() {
        try {
            SystemAccess.call(round::getAsInt);
        } catch (RuntimeException e) {
            log.error("A round of {} failed", name, e);
        }
    }

    @Override
    protected Duration firstRoundAfter() { return interval; }

    @Override
    protected Duration interval() { return interval; }

    @Override
    protected void round() { runOnce(); }
}
