package no.kostra.web;

import java.time.Duration;

/**
 * What one client may hold of the service, so a few slow or hostile clients cannot starve everyone else: health and
 * reads keep answering while uploads trickle.
 *
 * @param idleTimeout        a connection or request that sends nothing for this long is closed
 * @param minRequestDataRate a request body arriving slower than this (bytes per second, over the whole body) is cut off
 *                           with 408; a 20 MB workbook over a slow line still makes it, one byte every two seconds not
 * @param concurrentUploads  request bodies read at once on the routes that take files; more get 503 with Retry-After
 *                           at once instead of holding a thread each while they arrive
 * @param requestHeaderBytes largest request line plus headers; above it 414 or 431
 * @param requestsPerMinute  requests one token (or, without one, one address) may make per minute before 429 with
 *                           Retry-After; 0 for no limit (the default: behind a proxy every address is the proxy's)
 */
public record ServerLimits(Duration idleTimeout, long minRequestDataRate, int concurrentUploads, int requestHeaderBytes,
                           int requestsPerMinute) {
    public static final ServerLimits DEFAULT = new ServerLimits(Duration.ofSeconds(30), 1024, 32, 16 * 1024, 0);

    public ServerLimits withRequestsPerMinute(int perMinute) {
        return new ServerLimits(idleTimeout, minRequestDataRate, concurrentUploads, requestHeaderBytes, perMinute);
    }

    public ServerLimits {
        if (idleTimeout.isNegative() || idleTimeout.isZero() || minRequestDataRate < 1 || concurrentUploads < 1
                || requestHeaderBytes < 1024 || requestsPerMinute < 0) {
            throw new IllegalArgumentException("Server limits must be positive (header size at least 1024): " + idleTimeout
                    + ", " + minRequestDataRate + ", " + concurrentUploads + ", " + requestHeaderBytes);
        }
    }
}
