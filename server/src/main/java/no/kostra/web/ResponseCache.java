package no.kostra.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.function.Supplier;

/**
 * Rendered JSON responses, keyed on the request and the data revision: an import moves the revision, so no stale
 * table is ever served, and nodes sharing a database agree. Each is kept gzipped too ({@link CachedBody}). Thread-safe.
 */
public final class ResponseCache {
    private final Cache<String, CachedBody> cache;

    public ResponseCache(long maximumEntries) {
        this.cache = Caffeine.newBuilder().maximumSize(maximumEntries).recordStats().build();
    }

    void monitoredBy(RequestMetrics metrics) {
        metrics.watch(cache, "responses");
    }

    CachedBody get(long dataRevision, String requestKey, Supplier<Object> compute) {
        return cache.get(dataRevision + "|" + requestKey, k -> CachedBody.of(Json.bytes(compute.get())));
    }

    /** As {@link #get}, for a body already rendered (CSV). */
    CachedBody getRendered(long dataRevision, String requestKey, Supplier<byte[]> render) {
        return cache.get(dataRevision + "|" + requestKey, k -> CachedBody.of(render.get()));
    }
}
