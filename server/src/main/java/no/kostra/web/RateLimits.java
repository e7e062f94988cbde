package no.kostra.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.util.Map;
import no.kostra.auth.Caller;

/**
 * A token bucket per token (or, without sign-in, per address): {@code perMinute} requests a minute, refilled evenly,
 * with a full minute's worth as burst. Over it, 429 with Retry-After, in the service's JSON error. Health is never
 * limited. Thread-safe.
 */
final class RateLimits {
    private final int perMinute;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(100_000).build();

    RateLimits(int perMinute) {
        this.perMinute = perMinute;
    }

    void check(Context ctx) {
        if (perMinute == 0 || !ctx.path().startsWith("/api/") || ctx.path().equals("/api/health")) {
            return;
        }
        Caller caller = AccessControl.caller(ctx);
        String key = caller != null ? "token:" + caller.name() : "address:" + ctx.ip();
        long waitMillis = buckets.get(key, k -> new Bucket(perMinute)).take(System.nanoTime());
        if (waitMillis > 0) {
            long seconds = Math.max(1, (waitMillis + 999) / 1000);
            ctx.header("Retry-After", Long.toString(seconds));
            throw new Refusal(HttpStatus.TOO_MANY_REQUESTS, "For mange forespørsler: høyst " + perMinute + " i minuttet; prøv igjen om " + seconds
                    + " sekunder", Map.of("retryAfterSeconds", seconds));
        }
    }

    private static final class Bucket {
        private final double capacity;
        private final double perNano;
        private double tokens;
        private long updated;

        Bucket(int perMinute) {
            this.capacity = perMinute;
            this.perNano = perMinute / 60e9;
            this.tokens = perMinute;
            this.updated = System.nanoTime();
        }

        /** Takes one token; answers 0, or how many milliseconds until one is there. */
        synchronized long take(long now) {
            tokens = Math.min(capacity, tokens + (now - updated) * perNano);
            updated = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perNano / 1e6);
        }
    }
}
