package no.kostra.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Semaphore;
import java.util.function.IntFunction;

/**
 * Mixed HTTP load at a fixed rate from an asynchronous client, at most a given number of requests in flight. Request i
 * is due at start + i / rate, and its latency counts from when it was due, not from when it could be sent, so a server
 * that falls behind shows in the latencies instead of slowing the load down (no coordinated omission). For the most
 * one route can take, use {@link Wrk}: no client in this JVM keeps up with the server.
 */
final class HttpLoad {
    /** What became of one request: its HTTP status (or -1 with the failure) and how long it took. */
    interface Outcome {
        void completed(int index, int status, Throwable failure, long nanos);
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final int inFlight;
    private final double perSecond;

    HttpLoad(int inFlight, double perSecond) {
        this.inFlight = inFlight;
        this.perSecond = perSecond;
    }

    /** Sends request {@code next.apply(i)} for i = 0, 1, … until the time is up; returns how many were sent. */
    long run(Duration duration, IntFunction<HttpRequest> next, Outcome outcome) throws InterruptedException {
        Semaphore slots = new Semaphore(inFlight);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        int i = 0;
        while (true) {
            long t0 = start + (long) (i / perSecond * 1e9);
            if (t0 >= end) {
                break;
            }
            long wait = t0 - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
            slots.acquire();
            int index = i++;
            HttpRequest request = next.apply(index);
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                long took = System.nanoTime() - t0;
                try {
                    outcome.completed(index, failure == null ? response.statusCode() : -1, failure, took);
                } finally {
                    slots.release();
                }
            });
        }
        slots.acquire(inFlight);
        return i;
    }

    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
