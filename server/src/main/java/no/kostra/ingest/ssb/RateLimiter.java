package no.kostra.ingest.ssb;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * At most {@code calls} calls in any window of {@code window} (SSB: 30 per 60 s per client). StatBank counts a call
 * from when it arrives, which the client cannot see; it lies between sending and the answer, so a call is counted
 * here from its answer ({@link #completed()}): the 31st call then leaves only after the first has left StatBank's
 * window too, and no call is refused with 429. Time and sleeping are given, so tests run without waiting. For one
 * caller at a time (updates run one at a time).
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
    /** When each call of the window was answered, oldest first. */
    private final Deque<Instant> answered = new ArrayDeque<>();
    private int inFlight;

    public RateLimiter(int calls, Duration window, Clock clock, Sleeper sleeper) {
        if (calls < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("A rate limit needs at least one call in a window longer than zero");
        }
        this.calls = calls;
        this.window = window;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** SSB's limit, 30 calls in any 60 s. */
    public static RateLimiter ssb() {
        return of(30, Duration.ofSeconds(60));
    }

    /** A limit on the real clock: {@code calls} in any {@code window} (a local StatBank's may be scaled down). */
    public static RateLimiter of(int calls, Duration window) {
        // Rounded up to whole milliseconds: waking early would send a call StatBank still counts in the window.
        return new RateLimiter(calls, window, Clock.systemUTC(),
                d -> Thread.sleep(d.toMillis() + (d.toNanosPart() % 1_000_000 == 0 ? 0 : 1)));
    }

    /** Returns when one more call fits in the window; the caller reports its answer with {@link #completed()}. */
    public void acquire() throws InterruptedException {
        while (true) {
            Instant now = clock.instant();
            while (!answered.isEmpty() && !answered.peekFirst().plus(window).isAfter(now)) {
                answered.removeFirst();
            }
            if (answered.size() + inFlight < calls) {
                inFlight++;
                return;
            }
            sleeper.sleep(answered.isEmpty() ? window : Duration.between(now, answered.peekFirst().plus(window)));
        }
    }

    /** The call acquired last was answered (or failed) now. */
    public void completed() {
        inFlight = Math.max(0, inFlight - 1);
        answered.addLast(clock.instant());
    }

    /** Backs off (after a 429). */
    public void pause(Duration duration) throws InterruptedException {
        sleeper.sleep(duration);
    }
}
