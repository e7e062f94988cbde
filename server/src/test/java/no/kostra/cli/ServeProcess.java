package no.kostra.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * {@code serve} as a process of its own (a new JVM on the test's class path), so a test can kill it with SIGKILL as a
 * crash or the OOM killer would: nothing in the service runs after the signal.
 */
final class ServeProcess implements AutoCloseable {
    private static final Duration START = Duration.ofMinutes(2);
    private static final Duration FIRST_WRITE = Duration.ofMinutes(2);

    private final Process process;
    private final Path log;
    private final String base;
    private final HttpClient http = HttpClient.newHttpClient();

    private ServeProcess(Process process, Path log, String base) {
        this.process = process;
        this.log = log;
        this.base = base;
    }

    /** Starts {@code serve} on the database and waits until it answers; its output goes to {@code log}. */
    static ServeProcess start(ServedDatabase database, Path log) throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve", "--port", Integer.toString(port)));
        command.addAll(database.serveArguments());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ServeProcess serve = new ServeProcess(process, log, "http://127.0.0.1:" + port);
        try {
            serve.awaitUp();
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            serve.close();
            throw e;
        }
        return serve;
    }

    private void awaitUp() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("serve exited with " + process.exitValue() + ": " + log());
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/api/version")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("serve did not answer within " + START + ": " + log());
    }

    URI uri(String pathAndQuery) {
        return URI.create(base + pathAndQuery);
    }

    HttpResponse<byte[]> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofMinutes(1)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A POST that waits for its answer at most {@code timeout}. */
    HttpResponse<String> post(String pathAndQuery, byte[] body, Duration timeout) throws IOException, InterruptedException {
        return http.send(postRequest(pathAndQuery, body, timeout), HttpResponse.BodyHandlers.ofString());
    }

    /** A POST sent now whose answer comes later, or never when the service is killed first. */
    CompletableFuture<HttpResponse<String>> postAsync(String pathAndQuery, byte[] body) {
        return http.sendAsync(postRequest(pathAndQuery, body, Duration.ofMinutes(5)), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest postRequest(String pathAndQuery, byte[] body, Duration timeout) {
        return HttpRequest.newBuilder(uri(pathAndQuery)).timeout(timeout).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    /**
     * Kills the service with SIGKILL as soon as {@code ready} holds while one of its transactions is writing rows into
     * {@code table}, uncommitted, as seen from a session of the test's own on the database; fails when no such write is
     * seen within two minutes.
     *
     * @return how long the test watched before the kill
     */
    Duration killWhileWriting(ServedDatabase database, String table, BooleanSupplier ready) throws Exception {
        Duration watched = awaitWrite(database, table, ready);
        kill();
        return watched;
    }

    /** Waits until {@code ready} holds while one of the service's transactions is writing rows into {@code table}. */
    Duration awaitWrite(ServedDatabase database, String table, BooleanSupplier ready) throws Exception {
        long start = System.nanoTime();
        long deadline = start + FIRST_WRITE.toNanos();
        try (Connection c = database.connect()) {
            while (!(ready.getAsBoolean() && database.othersWriting(c, table))) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError("the service wrote no " + table + " rows the test could interrupt: " + log());
                }
                Thread.sleep(2);
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** SIGTERM, as a service manager stops a service; the exit code, once the process is gone within {@code bound}. */
    int terminate(Duration bound) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("serve outlived SIGTERM by " + bound + ": " + log());
        }
        return process.exitValue();
    }

    /** SIGKILL, and wait until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("serve outlived SIGKILL by 30 s");
        }
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills the process if it still runs (a test that failed half-way leaves no service behind). */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
