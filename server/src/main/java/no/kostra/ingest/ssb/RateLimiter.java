package no.kostra.ingest.ssb;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * At most {@code calls} calls in any window of {@code window} (SSB: 30 per 60 s per client), each call counted from
 * when it was sent, as StatBank counts requests, not answers: the 31st call may leave as soon as the first has left the
 * window, however long the first took to answer.
 *
 * <p>StatBank counts a call from when it arrives, a little after it was sent. Were the first call of a window slower
 * to arrive than the 31st (the first pays for connecting: DNS, TCP and TLS on the internet), the 31st could arrive
 * while StatBank still counts the first, and be refused with 429. So each call is held in the window a margin longer
 * than the window: a 50th of it by default, 1.2 s at SSB's 60 s, far more than a request takes to arrive (and than the
 * drift between the client's clock and StatBank's over a minute). Time and sleeping are given, so tests run without
 * waiting. For one caller at a time (updates run one at a time).
 */
public final class RateLimiter {
    /** The margin's share of the window by default. */
    private static final int MARGIN_PARTS = 50;

    /** Waits; the real one is Thread::sleep. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final int calls;
    /** The window and the margin: how long a call sent counts. */
    private final Duration held;
    private final Clock clock;
    private final Sleeper sleeper;
    /** When each call still counted was sent, oldest first. */
    private final Deque<Instant> sent = new ArrayDeque<>();

    /** A limit whose margin is a 50th of the window. */
    public RateLimiter(int calls, Duration window, Clock clock, Sleeper sleeper) {
        this(calls, window, window.dividedBy(MARGIN_PARTS), clock, sleeper);
    }

    /** @param margin how much longer than the window a call counts here (see the class comment) */
    public RateLimiter(int calls, Duration window, Duration margin, Clock clock, Sleeper sleeper) {
        if (calls < 1 || window.isNegative() || window.isZero() || margin.isNegative()) {
            throw new IllegalArgumentException("A rate limit needs at least one call in a window longer than zero, and a margin of"
                    + " zero or more");
        }
        this.calls = calls;
        this.held = window.plus(margin);
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

    /** Returns when one more call fits in the window, and counts it as sent now: send it at once. */
    public void acquire() throws InterruptedException {
        while (true) {
            Instant now = clock.instant();
            while (!sent.isEmpty() && !sent.peekFirst().plus(held).isAfter(now)) {
                sent.removeFirst();
            }
            if (sent.size() < calls) {
                sent.addLast(now);
                return;
            }
            sleeper.sleep(Duration.between(now, sent.peekFirst().plus(held)));
        }
    }

    /** Backs off (after a 429). */
    public void pause(Duration duration) throws InterruptedException {
        sleeper.sleep(duration);
    }
}
