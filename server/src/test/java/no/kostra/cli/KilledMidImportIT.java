package no.kostra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import no.kostra.service.Services;
import no.kostra.store.DatabaseSettings;
import no.kostra.support.SeededServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service is killed with SIGKILL while it writes a large import (issue 14, item 7): after a restart either all of
 * the import's figures are there or none, and the data revision is the one its committed changes were stamped with.
 */
class KilledMidImportIT {
    @TempDir
    Path dir;

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private Process serve(Path data, int port, String log) throws IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "--port", Integer.toString(port), "--data", data.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve(log).toFile()).start();
    }

    private void awaitHealth(HttpClient http, int port, Process serve, String log) throws Exception {
        for (int attempt = 0; attempt < 240; attempt++) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                assertThat(serve.isAlive()).as(Files.readString(dir.resolve(log))).isTrue();
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the service did not start: " + Files.readString(dir.resolve(log)));
    }

    private static int post(HttpClient http, int port, String query, Path file) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/imports?" + query))
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static long count(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void aKillInTheMiddleOfALargeImportLeavesAllOrNothingAndAConsistentRevision() throws Exception {
        // given a running service, the synthetic catalogue imported, and a large file of its figures
        Path synthetic = dir.resolve("synthetic");
        assertThat(Main.commandLine().execute("generate-synthetic", "--out", synthetic.toString(), "--indicators", "120")).isZero();
        Path data = dir.resolve("data");
        int port = freePort();
        HttpClient http = HttpClient.newHttpClient();
        Process serve = serve(data, port, "serve.log");
        long figures;
        try {
            awaitHealth(http, port, serve, "serve.log");
            for (String catalogue : List.of("regions.csv", "indicators.csv")) {
                assertThat(post(http, port, "format=catalog&name=" + catalogue, synthetic.resolve(catalogue))).isEqualTo(201);
            }
            figures = count(synthetic.resolve("observations.json"));

            // when the service is killed while it writes the figures
            Thread upload = new Thread(() -> {
                try {
                    post(http, port, "format=json-stat&name=observations.json", synthetic.resolve("observations.json"));
                } catch (Exception killed) {
                    // the connection dies with the service: expected
                }
            });
            Path file = data.resolve("kostra.mv.db");
            long before = Files.size(file);
            upload.start();
            // Killed once the database file has grown by 2 MB: the import's rows are being written, not yet committed.
            for (int wait = 0; wait < 400 && Files.size(file) < before + 2_000_000; wait++) {
                Thread.sleep(50);
            }
            serve.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
            upload.join(20_000);
        } finally {
            serve.destroyForcibly();
        }

        // then, after a restart, the import's figures are all there or none, and the revision matches what committed
        Process again = serve(data, port, "again.log");
        try {
            awaitHealth(http, port, again, "again.log");
        } finally {
            again.destroy();
            again.waitFor(30, TimeUnit.SECONDS);
            again.destroyForcibly();
        }
        try (Services services = Services.open(DatabaseSettings.embedded(data), SeededServices.CLOCK);
             Connection c = services.database().dataSource().getConnection()) {
            long stored = count(c, "select count(*) from observation where indicator_id like 'SYN.%'");
            System.out.println("KilledMidImportIT: " + stored + " of " + figures + " figures stored after the kill");
            assertThat(stored).as("figures of the killed import").isIn(0L, figures);
            assertThat(count(c, "select revision from data_revision"))
                    .isEqualTo(count(c, "select coalesce(max(data_revision), 0) from import_log"));
            assertThat(services.figures().dataRevision()).isEqualTo(count(c, "select revision from data_revision"));
        }
    }

    /** The number of values the JSON-stat file holds (its dimensions' sizes multiplied). */
    private static long count(Path jsonStat) throws IOException {
        var node = no.kostra.web.Json.MAPPER.readTree(jsonStat.toFile()).path("size");
        long cells = 1;
        for (var size : node) {
            cells *= size.asLong();
        }
        return cells;
    }
}
