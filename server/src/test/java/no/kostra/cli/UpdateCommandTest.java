package no.kostra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import no.kostra.bench.LocalStatBank;
import no.kostra.web.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpdateCommandTest {
    @TempDir
    Path dir;

    private final LocalStatBank bank = new LocalStatBank(UpdateCommandTest::recorded);

    UpdateCommandTest() throws Exception {
    }

    @AfterEach
    void close() {
        bank.close();
    }

    private static Optional<ObjectNode> recorded(String table) {
        try (InputStream in = UpdateCommandTest.class.getResourceAsStream("/ingest/ssb/update/" + table + "-data.json")) {
            return in == null ? Optional.empty() : Optional.of((ObjectNode) Json.MAPPER.readTree(in));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String[] run(String... args) {
        return CommandRun.run(args);
    }

    @Test
    void updateFetchesTheReportYearPrintsProgressPerTableAndASummaryAndAgainChangesNothing() throws Exception {
        String data = dir.resolve("data").toString();

        String[] first = run("update", "--year", "2025", "--vintage", "preliminary", "--ssb-url", bank.v2().toString(), "--data", data);
        String[] second = run("update", "--year", "2025", "--vintage", "preliminary", "--ssb-url", bank.v2().toString(), "--data", data);

        assertThat(first[0]).as(first[2]).isEqualTo("0");
        assertThat(first[2]).contains("tabell 07459 (1 av 9): 0 %", "tabell 13502 (9 av 9): 100 %", "importerer ");
        JsonNode summary = Json.MAPPER.readTree(first[1]);
        assertThat(summary.get("year").asInt()).isEqualTo(2025);
        assertThat(summary.get("added").asInt()).isPositive();
        assertThat(summary.get("importId").asLong()).isPositive();
        assertThat(summary.path("report").has("changes")).isTrue();
        JsonNode again = Json.MAPPER.readTree(second[1]);
        assertThat(again.get("added").asInt() + again.get("changed").asInt()).isZero();
        // and a bokmål summary line of what the import did: nothing, the second time
        assertThat(second[2]).contains("Oppdatering 2025 (preliminary): 0 tall endret, 0 gjort endelige, 0 nye tall, "
                + again.get("unchanged").asInt() + " uendret");
    }

    @Test
    void onATerminalProgressIsOneBarRedrawnOverAllTables() {
        ByteArrayOutputStream shown = new ByteArrayOutputStream();
        no.kostra.ingest.update.UpdateProgress bar = UpdateCommand.bar(new PrintStream(shown, true, StandardCharsets.UTF_8));

        bar.table(0, 4, "07459", 100);
        bar.table(2, 4, "12292", 50);
        bar.importing(1200);

        assertThat(shown.toString(StandardCharsets.UTF_8)).isEqualTo(
                "\r[#######-----------------------]  25 % tabell 07459"
                        + "\r[##################------------]  62 % tabell 12292"
                        + "\r[##############################] 100 % importerer 1200 tall" + System.lineSeparator());
    }

    @Test
    void anUnreachableStatBankIsOneBokmalSentenceAndExitCode2() {
        String[] result = run("update", "--year", "2025", "--ssb-url", "http://127.0.0.1:1/api/pxwebapi/v2",
                "--data", dir.resolve("data").toString());

        assertThat(result[0]).isEqualTo("2");
        // The log's lines (a timestamp first) and the progress lines aside, what the person reads is one sentence.
        java.util.List<String> said = result[2].lines().filter(l -> !l.matches("\\d{4}-\\d{2}-\\d{2} .*") && !l.startsWith("tabell "))
                .toList();
        assertThat(said).singleElement().asString().startsWith("Oppdateringen stoppet ved tabell 07459, ingenting er endret:")
                .doesNotContain("Exception");
        assertThat(result[2]).doesNotContain("\tat ");
    }
}
