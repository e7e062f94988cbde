package no.kostra.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load from {@code wrk} (Debian's package), a C load generator many times faster than any client in this JVM: on this
 * 2-core machine a blocking Java client reached about 2 400 requests/s and the JDK's asynchronous one about 3 000 where
 * wrk reaches over 30 000 against the same server, so only wrk measures the server rather than the client.
 */
final class Wrk {
    private static final Pattern REQUESTS_PER_SECOND = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");
    private static final Pattern NOT_OK = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    private final int connections;

    Wrk(int connections) {
        this.connections = connections;
    }

    /** Whether wrk is on the PATH. */
    static boolean available() {
        try {
            Process p = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** One route for a while, with these request headers: requests/s and latencies; a failed request stops it. */
    Result run(URI uri, Duration duration, String... headers) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c" + connections, "-d" + duration.toSeconds() + "s",
                "--latency"));
        for (String header : headers) {
            command.add("-H");
            command.add(header);
        }
        command.add(uri.toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("wrk failed: " + output);
        }
        Matcher notOk = NOT_OK.matcher(output);
        Matcher socket = SOCKET_ERRORS.matcher(output);
        if (notOk.find() || socket.find()) {
            throw new IllegalStateException(uri + ": not every request answered 200:\n" + output);
        }
        return new Result(number(REQUESTS_PER_SECOND, output), latency("50%", output), latency("99%", output),
                (long) number(REQUESTS, output));
    }

    private static double number(Pattern pattern, String output) {
        Matcher m = pattern.matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("wrk's output has no " + pattern + ":\n" + output);
        }
        return Double.parseDouble(m.group(1));
    }

    /** A percentile from wrk's latency distribution, in milliseconds (wrk writes us, ms or s). */
    private static double latency(String percentile, String output) {
        Matcher m = Pattern.compile("\\s" + Pattern.quote(percentile) + "\\s+([0-9.]+)(us|ms|s)").matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("wrk's output has no " + percentile + " latency:\n" + output);
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }

    /** @param p50Millis median latency; @param p99Millis 99th percentile latency */
    record Result(double requestsPerSecond, double p50Millis, double p99Millis, long requests) {
    }
}
