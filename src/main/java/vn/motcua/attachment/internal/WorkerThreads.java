package vn.motcua.attachment.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A few daemon threads that each repeat a piece of work: at once again while it finds something to do, else after
 * an idle pause or as soon as they are woken.
 */
final class WorkerThreads {
    private static final Logger log = LoggerFactory.getLogger(WorkerThreads.class);

    private final String name;
    private final int count;
    private final Duration idle;
    private final IntPredicate work;
    private final Object signal = new Object();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;
    private boolean woken;

    /**
     * @param work given the thread's index, does one piece of work; true when it found something to do
     */
    WorkerThreads(String name, int count, Duration idle, IntPredicate work) {
        this.name = name;
        this.count = Math.max(1, count);
        this.idle = idle;
        this.work = work;
    }

    synchronized void start() {
        if (running) return;
        running = true;
        for (int i = 0; i < count; i++) {
            int index = i;
            var thread = new Thread(() -> loop(index), name + "-" + (i + 1));
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    boolean running() { return running; }

    void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    /** Stops the threads, waiting at most {@code wait} for the work in hand to end. */
    synchronized void stop(Duration wait) {
        running = false;
        wake();
        long deadline = System.nanoTime() + wait.toNanos();
        for (Thread t : threads) {
            try {
                t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        threads.clear();
    }

    private void loop(int index) {
        while (running) {
            boolean busy;
            try {
                busy = work.test(index);
            } catch (RuntimeException e) {
                // the exception class only: messages may quote data (values of a violated constraint)
                log.warn("{}: {}", name, e.getClass().getName());
                busy = false;
            }
            if (busy) continue;
            synchronized (signal) {
                if (!woken && running) {
                    try {
                        signal.wait(idle.toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                woken = false;
            }
        }
    }
}
