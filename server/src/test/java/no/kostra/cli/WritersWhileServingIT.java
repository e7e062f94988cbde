package no.kostra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import no.kostra.web.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * An analyst runs {@code import} in a second terminal while {@code serve} holds the embedded database (issue 13, item
 * 7): the import goes through the serving process, and the service answers the new figure at once.
 */
class WritersWhileServingIT {
    @TempDir
    Path dir;

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static JsonNode get(HttpClient http, String url) throws Exception {
        return Json.MAPPER.readTree(http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    @Test
    void anImportWhileTheServiceRunsGoesThroughTheServiceDatabaseAndIsServedAtOnce() throws Exception {
        // given a service started as a process of its own on an embedded database
        Path data = dir.resolve("data");
        int port = freePort();
        Process serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "--port", Integer.toString(port), "--data", data.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("serve.log").toFile()).start();
        HttpClient http = HttpClient.newHttpClient();
        String value = "http://127.0.0.1:" + port + "/api/value?region=3201&indicator=KHT.ressursbruksindikator&year=2024";
        try {
            JsonNode before = null;
            for (int attempt = 0; attempt < 120 && before == null; attempt++) {
                try {
                    before = get(http, value);
                } catch (IOException notYet) {
                    assertThat(serve.isAlive()).as(Files.readString(dir.resolve("serve.log"))).isTrue();
                    Thread.sleep(500);
                }
            }
            assertThat(before).as("the service answered").isNotNull();
            assertThat(before.path("value").asDouble()).isEqualTo(0.972);

            // when a file is imported from the command line against the same folder
            Path csv = Files.writeString(dir.resolve("rettelse.csv"),
                    "region;indicator;year;value\n3201;KHT.ressursbruksindikator;2024;0,981\n", StandardCharsets.UTF_8);
            int exit = Main.commandLine().execute("import", csv.toString(), "--data", data.toString());

            // then it is stored, and the running service serves it under a newer revision
            assertThat(exit).isZero();
            JsonNode after = get(http, value);
            assertThat(after.path("value").asDouble()).isEqualTo(0.981);
            assertThat(after.path("dataRevision").asLong()).isGreaterThan(before.path("dataRevision").asLong());
        } finally {
            serve.destroy();
            if (!serve.waitFor(20, TimeUnit.SECONDS)) {
                serve.destroyForcibly();
            }
        }
    }

    @Test
    void aDatabaseHeldByAProcessThatDoesNotShareItIsOneBokmalSentenceAndNoStackTrace() throws Exception {
        CommandLine command = Main.commandLine();
        StringWriter err = new StringWriter();
        command.setErr(new PrintWriter(err));
        SQLException inUse = new SQLException("Database may be already in use: \"/data/kostra.mv.db\"", "90020", 90020);

        int exit = new ExpectedFailure().handleExecutionException(new IllegalStateException("pool", inUse), command, null);

        assertThat(exit).isEqualTo(2);
        List<String> lines = err.toString().lines().toList();
        assertThat(lines).containsExactly("Databasen er i bruk av en annen prosess som ikke deler den; stopp den prosessen,"
                + " eller send filen til den kjørende tjenesten (POST /api/imports).");
    }
}
