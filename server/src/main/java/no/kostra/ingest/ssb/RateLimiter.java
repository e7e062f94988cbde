package no.kostra.ingest.ssb;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * At most {@code calls} calls in any window of {@code window} (SSB: 30 per 60 s per client). Time and sleeping are
 * given, so tests run without waiting. Not thread-safe.
 */
public final class RateLimiter {
    /** Waits; the real one is Thread::sleep. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final int calls;
    private final Duration window;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Deque<Instant> recent = new ArrayDeque<>();

    public RateLimiter(int calls, Duration window, Clock clock, Sleeper sleeper) {
        this.calls = calls;
        this.window = window;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    public static RateLimiter ssb() {
        return new RateLimiter(30, Duration.ofSeconds(60), Clock.systemUTC(), d -> Thread.sleep(d.toMillis()));
    }

    /** Returns when one more call fits in the window, and counts it. */
    public void acquire() throws InterruptedException {
        Instant now = clock.instant();
        while (!recent.isEmpty() && !recent.peekFirst().plus(window).isAfter(now)) {
            recent.removeFirst();
        }
        if (recent.size() >= calls) {
            Duration wait = Duration.between(now, recent.peekFirst().plus(window));
            sleeper.sleep(wait);
            recent.removeFirst();
        }
        recent.addLast(clock.instant());
    }

    /** Backs off (after a 429). */
    public void pause(Duration duration) throws InterruptedException {
        sleeper.sleep(duration);
    }
}
