package no.kostra.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** A closed-loop HTTP load: a few clients send requests back to back for a fixed time, every latency recorded. */
final class HttpLoad {
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final int clients;

    HttpLoad(int clients) {
        this.clients = clients;
    }

    Result run(URI uri, Duration duration) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri).GET().build();
        long end = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<long[]>> futures = new ArrayList<>();
            long started = System.nanoTime();
            for (int i = 0; i < clients; i++) {
                futures.add(pool.submit(() -> {
                    long[] latencies = new long[1 << 16];
                    int n = 0;
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        long t1 = System.nanoTime();
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException(uri + " answered " + response.statusCode());
                        }
                        if (n == latencies.length) {
                            latencies = Arrays.copyOf(latencies, n * 2);
                        }
                        latencies[n++] = t1 - t0;
                    }
                    return Arrays.copyOf(latencies, n);
                }));
            }
            List<long[]> parts = new ArrayList<>();
            for (Future<long[]> f : futures) {
                parts.add(f.get());
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            long[] all = parts.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            return new Result(all.length / seconds, percentile(all, 0.50), percentile(all, 0.99), all.length);
        } finally {
            pool.shutdownNow();
        }
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    /** @param p50Millis median latency; @param p99Millis 99th percentile latency */
    record Result(double requestsPerSecond, double p50Millis, double p99Millis, long requests) {
        Result plus(Result other) {
            long n = requests + other.requests;
            return new Result((requestsPerSecond + other.requestsPerSecond) / 2, (p50Millis + other.p50Millis) / 2,
                    Math.max(p99Millis, other.p99Millis), n);
        }
    }
}
