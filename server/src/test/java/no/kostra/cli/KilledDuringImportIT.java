package no.kostra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import no.kostra.store.DatabaseSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} killed with SIGKILL while it writes a large import (issue 14, item 7): when the database is opened
 * again, the import is there whole or not at all, and the data revision is the one the last committed import stamped.
 */
class KilledDuringImportIT {
    private static final int YEARS = 45;

    @TempDir
    Path dir;

    @Test
    void aServiceKilledInTheMiddleOfALargeImportLeavesAllOrNoneOfItsFigures() throws Exception {
        // given a service started as a process of its own on an embedded database, and a large file for it
        Path data = dir.resolve("data");
        int port = freePort();
        Process serve = start(data, port);
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + port;
        awaitUp(http, base, serve);
        String csv = largeCsv(DatabaseSettings.embedded(data));
        int rows = (int) csv.lines().count() - 1;

        // when it is killed while the import is being written
        http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/imports?format=csv&name=stor.csv"))
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        Thread.sleep(1500);
        serve.destroyForcibly();
        assertThat(serve.waitFor(30, TimeUnit.SECONDS)).isTrue();

        // then, opened again, the import is whole or absent, and the revision matches what is stored
        try (Connection c = DriverManager.getConnection(DatabaseSettings.embedded(data).jdbcUrl(), "sa", "")) {
            long stored = number(c, "select count(*) from observation o join import_log l on l.id = o.import_id where l.source_name = 'stor.csv'");
            long logged = number(c, "select coalesce(sum(rows_added + rows_changed), 0) from import_log where source_name = 'stor.csv'");
            System.out.printf("killed import: %d of %d rows stored, %d logged%n", stored, rows, logged);
            assertThat(stored).as("rows of the killed import").isEqualTo(logged).isIn(0L, (long) rows);
            assertThat(number(c, "select revision from data_revision"))
                    .isEqualTo(number(c, "select max(data_revision) from import_log"));
            assertThat(number(c, "select count(*) from observation where import_id not in (select id from import_log)")).isZero();
        }
    }

    /** Figures for every stored indicator and region over years before the seeds begin: all new, none refused. */
    private static String largeCsv(DatabaseSettings settings) throws SQLException {
        List<String> indicators = new ArrayList<>();
        List<String> regions = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
             Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("select id from indicator order by id")) {
                while (r.next()) {
                    indicators.add(r.getString(1));
                }
            }
            try (ResultSet r = s.executeQuery("select code from region order by code")) {
                while (r.next()) {
                    regions.add(r.getString(1));
                }
            }
        }
        StringBuilder csv = new StringBuilder("region;indicator;year;value\n");
        int n = 0;
        for (String indicator : indicators) {
            for (String region : regions) {
                for (int year = 2024; year > 2024 - YEARS; year--) {
                    csv.append(region).append(';').append(indicator).append(';').append(year).append(';').append(1000 + n++ % 997).append(",5\n");
                }
            }
        }
        return csv.toString();
    }

    private static long number(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private Process start(Path data, int port) throws IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "--port", Integer.toString(port), "--data", data.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("serve.log").toFile()).start();
    }

    private void awaitUp(HttpClient http, String base, Process serve) throws Exception {
        for (int attempt = 0; attempt < 120; attempt++) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/version")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                assertThat(serve.isAlive()).as(Files.readString(dir.resolve("serve.log"))).isTrue();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the service did not answer: " + Files.readString(dir.resolve("serve.log")));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
