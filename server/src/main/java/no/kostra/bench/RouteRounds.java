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
 * Several routes loaded by {@code wrk} in rounds after warm-up. In each round every ratio's two routes are loaded back to
 * back, the baseline first in odd rounds and second in even ones, so that neither the drift of a shared machine within
 * a round nor the order decides a ratio (with every route loaded once a round, the routes loaded last in it came out
 * slower). Every run's figures and every ratio are printed, then each ratio's minimum, median and maximum over the
 * rounds, each labelled with the goal it answers (no averaging of rounds: a late round counts as much as an early one).
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
        Map<String, Load> byLabel = new LinkedHashMap<>();
        loads.forEach(load -> byLabel.put(load.label(), load));
        Map<String, List<Double>> values = new LinkedHashMap<>();
        for (int i = 1; i <= rounds; i++) {
            for (Ratio ratio : ratios) {
                boolean baselineFirst = i % 2 == 1;
                Load first = byLabel.get(baselineFirst ? ratio.denominator() : ratio.numerator());
                Load second = byLabel.get(baselineFirst ? ratio.numerator() : ratio.denominator());
                Wrk.Result firstResult = run(wrk, first, round, i);
                Wrk.Result secondResult = run(wrk, second, round, i);
                double value = baselineFirst ? secondResult.requestsPerSecond() / firstResult.requestsPerSecond()
                        : firstResult.requestsPerSecond() / secondResult.requestsPerSecond();
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

    private static Wrk.Result run(Wrk wrk, Load load, Duration round, int roundNumber) throws IOException, InterruptedException {
        Wrk.Result r = wrk.run(load.uri(), round, load.headers().toArray(String[]::new));
        System.out.printf(Locale.ROOT, "round %d: %-44s %.0f requests/s, p50 %.3f ms, p99 %.3f ms%n", roundNumber, load.label(),
                r.requestsPerSecond(), r.p50Millis(), r.p99Millis());
        return r;
    }
}
