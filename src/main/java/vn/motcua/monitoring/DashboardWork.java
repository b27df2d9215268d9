package vn.motcua.monitoring;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.task.DelegatingSecurityContextAsyncTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Background work of the supervision dashboards (the trend chart costs more than the report beside it): a small,
 * bounded pool of Spring's task executor, each task run with the security context of the user who asked, so that
 * the services it calls check that user and scope to that user's units. When the pool and its queue are full, the
 * returned future fails at once (the dashboard says the chart could not be drawn) instead of starting more threads.
 */
@Component
public class DashboardWork implements DisposableBean {
    private final ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
    private final AsyncTaskExecutor executor;

    DashboardWork(@Value("${motcua.indicators.background.threads:2}") int threads,
                  @Value("${motcua.indicators.background.queue:50}") int queue) {
        pool.setCorePoolSize(threads);
        pool.setMaxPoolSize(threads);
        pool.setQueueCapacity(queue);
        pool.setThreadNamePrefix("dashboard-");
        pool.initialize();
        executor = new DelegatingSecurityContextAsyncTaskExecutor(pool);
    }

    /** Runs the work in the background as the calling user; the future completes with its result or its failure. */
    public <T> CompletableFuture<T> supply(Supplier<T> work) {
        try {
            return CompletableFuture.supplyAsync(work, executor);
        } catch (org.springframework.core.task.TaskRejectedException full) {
            return CompletableFuture.failedFuture(full);
        }
    }

    @Override
    public void destroy() { pool.shutdown(); }
}
