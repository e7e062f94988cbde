package no.kostra.bench;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Several routes loaded by {@code wrk} in alternating rounds after warm-up, so drift of a shared machine hits each alike.
 * Every round's figures and ratios are printed, then each ratio's minimum, median and maximum over the rounds, each
 * labelled with the goal it answers (no averaging of rounds: a late round counts as much as an early one).
 */
final class RouteRounds {
    /** What every browser and Office's runtimes send. */
    static final String GZIP = "Accept-Encoding: gzip, deflate, br";
    private static final int WARM_UP_ROUNDS = 2;
    private static final Duration WARM_UP = Duration.ofSeconds(3);

    /** One kind of request: a label, the address, and its request headers. */
    record Load(String label, URI uri, List<String> headers) {
        Load {
            headers = List.copyOf(headers);
        }
    }

    /**
     * A ratio of two loads' requests per second, and the goal it answers.
     *
     * @param atLeast the goal (the ratio must be at least this), or null when the ratio only explains the others
     * @param why     for a ratio without a goal, what it shows
     */
    record Ratio(String label, String numerator, String denominator, Double atLeast, String why) {
        String goal() {
            return atLeast == null ? "no goal: " + why : String.format(Locale.ROOT, "goal >= %.2f", atLeast);
        }
    }

    private RouteRounds() {
    }

    /** Warms up (the JIT, Jetty's buffers, the response cache), then measures every load in each round and reports. */
    static void measure(Wrk wrk, List<Load> loads, List<Ratio> ratios, int rounds, Duration round)
            throws IOException, InterruptedException {
        for (int i = 0; i < WARM_UP_ROUNDS; i++) {
            for (Load load : loads) {
                wrk.run(load.uri(), WARM_UP, load.headers().toArray(String[]::new));
            }
        }
        Map<String, List<Double>> values = new LinkedHashMap<>();
        for (int i = 1; i <= rounds; i++) {
            Map<String, Wrk.Result> results = new LinkedHashMap<>();
            for (Load load : loads) {
                Wrk.Result r = wrk.run(load.uri(), round, load.headers().toArray(String[]::new));
                results.put(load.label(), r);
                System.out.printf(Locale.ROOT, "round %d: %-44s %.0f requests/s, p50 %.3f ms, p99 %.3f ms%n", i, load.label(),
                        r.requestsPerSecond(), r.p50Millis(), r.p99Millis());
            }
            for (Ratio ratio : ratios) {
                double value = results.get(ratio.numerator()).requestsPerSecond() / results.get(ratio.denominator()).requestsPerSecond();
                values.computeIfAbsent(ratio.label(), k -> new ArrayList<>()).add(value);
                System.out.printf(Locale.ROOT, "round %d: %s %.2f (%s)%n", i, ratio.label(), value, ratio.goal());
            }
        }
        for (Ratio ratio : ratios) {
            List<Double> sorted = values.get(ratio.label()).stream().sorted().toList();
            int n = sorted.size();
            double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
            String verdict = ratio.atLeast() == null ? "" : sorted.get(0) >= ratio.atLeast() ? "; goal met in every round"
                    : median >= ratio.atLeast() ? "; goal met by the median, not in every round" : "; goal NOT met";
            System.out.printf(Locale.ROOT, "%s over %d rounds: min %.2f, median %.2f, max %.2f (%s)%s%n", ratio.label(), n,
                    sorted.get(0), median, sorted.get(n - 1), ratio.goal(), verdict);
        }
    }
}
