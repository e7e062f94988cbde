package no.kostra.web;

import com.github.benmanes.caffeine.cache.Cache;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.TimeUnit;

/**
 * Prometheus metrics through Micrometer ({@code GET /metrics}): each route's request rate and latency (by method, route
 * template and status), the response cache's hits and misses, the durations of imports and report fills
 * ({@link #timings()}), and the JVM's memory, collections and threads. Thread-safe.
 */
final class RequestMetrics {
    private static final String STARTED = "kostra.started";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    RequestMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
    }

    /** The import and fill timers, kept in the same registry. */
    WorkTimings timings() {
        return new WorkTimings(registry);
    }

    void watch(Cache<?, ?> cache, String name) {
        CaffeineCacheMetrics.monitor(registry, cache, name);
    }

    void started(Context ctx) {
        ctx.attribute(STARTED, System.nanoTime());
    }

    void finished(Context ctx) {
        Long started = ctx.attribute(STARTED);
        if (started == null) {
            return;
        }
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        Timer.builder("kostra.http.requests").description("Requests answered, by route, and how long they took")
                .tag("method", ctx.method().name()).tag("route", endpoint == null ? "unmatched" : endpoint.path)
                .tag("status", Integer.toString(ctx.statusCode())).publishPercentiles(0.5, 0.99)
                .register(registry).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }

    String scrape() {
        return registry.scrape();
    }
}
