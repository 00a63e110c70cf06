package fr.rentree.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Requests that arrive all at once: as many threads as attempts, released together once all are ready. */
public final class AllAtOnce {

    private AllAtOnce() {
    }

    /** Runs attempt 0 to {@code attempts - 1}, each on a thread of its own, all released at once; waits for all. */
    public static void run(int attempts, Attempt attempt) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(attempts);
        try {
            CountDownLatch ready = new CountDownLatch(attempts);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                int n = i;
                done.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    attempt.run(n);
                    return null;
                }));
            }
            ready.await();
            go.countDown();
            for (Future<?> one : done) {
                one.get(2, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** One attempt, told its number. */
    @FunctionalInterface
    public interface Attempt {
        void run(int n) throws Exception;
    }
}
