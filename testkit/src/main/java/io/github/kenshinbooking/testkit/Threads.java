package io.github.kenshinbooking.testkit;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Real-thread races for contract and concurrency tests. */
public final class Threads {
    private Threads() {
    }

    /**
     * Runs the tasks on their own threads, released together, and returns their results in task
     * order. Fails if a task does not end within {@code timeout}; a task's exception is rethrown
     * wrapped in an {@link java.util.concurrent.ExecutionException}.
     *
     * @param <T>     the tasks' result type
     * @param tasks   the tasks, one thread each
     * @param timeout how long to wait for each task's result
     * @return their results, in task order
     * @throws java.util.concurrent.ExecutionException if a task threw
     * @throws java.util.concurrent.TimeoutException   if a task did not end in time
     * @throws InterruptedException                    if the calling thread was interrupted
     * @throws Exception                               as declared; only the three above occur
     */
    public static <T> List<T> concurrently(List<Callable<T>> tasks, Duration timeout) throws Exception {
        requireNonNull(tasks, "tasks");
        requireNonNull(timeout, "timeout");
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
