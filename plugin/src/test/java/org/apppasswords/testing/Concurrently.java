package org.apppasswords.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs the same task on many threads released at once by a start gate, so that they race as
 * hard as the machine allows. Used by the store contracts to prove that the atomic operations
 * of every backend are atomic.
 */
public final class Concurrently {
    public static final int THREADS = 50;

    @FunctionalInterface
    public interface Task<T> {
        T run(int index) throws Exception;
    }

    private Concurrently() {
    }

    /** The results of {@code threads} runs of {@code task}, in index order. */
    public static <T> List<T> run(int threads, Task<T> task) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>(threads);
            for (int i = 0; i < threads; i++) {
                int index = i;
                futures.add(executor.submit(() -> {
                    ready.countDown();
                    start.await();
                    return task.run(index);
                }));
            }
            ready.await(30, TimeUnit.SECONDS);
            start.countDown();
            List<T> results = new ArrayList<>(threads);
            for (Future<T> future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            executor.shutdownNow();
        }
    }
}
