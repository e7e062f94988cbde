package no.kostra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import no.kostra.ingest.SeedFiles;
import no.kostra.ingest.SeedImporter;
import no.kostra.ingest.synthetic.SyntheticDataset;
import no.kostra.web.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import's memory does not grow with the file beyond a bounded batch (issue 22, item 8): the product's default
 * synthetic file ran out of memory under {@code -Xmx128m} at 1 048 576 rows, printed a stack trace and exited 1. A
 * four-million-value file now imports under that heap, as a person would run it: {@code import FILE} in a JVM of its own.
 */
class LargeImportSmallHeapIT {
    private static final String HEAP = "-Xmx128m";

    @TempDir
    Path dir;

    private String[] importInSmallHeap(Path data, Path file, String... more) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                HEAP, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "import", file.toString(),
                "--data", data.toString()));
        command.addAll(List.of(more));
        Path out = dir.resolve(file.getFileName() + ".out");
        Path err = dir.resolve(file.getFileName() + ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(20, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("import of " + file + " did not finish in 20 minutes");
        }
        return new String[] {String.valueOf(process.exitValue()), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8)};
    }

    @Test
    void aFourMillionValueJsonStatFileImportsUnderA128MegabyteHeap() throws Exception {
        // given the synthetic country with 1 121 indicators: 357 × 1 121 × 10 = 4 001 970 values
        SyntheticDataset dataset = new SyntheticDataset(SeedImporter.catalogOf(SeedFiles.fromClasspath()),
                SyntheticDataset.DEFAULT_SEED, 357, 1121, 2015, 2024);
        List<Path> files = dataset.write(dir.resolve("synthetic"));
        Path data = dir.resolve("data");
        for (Path catalogue : files.subList(0, 2)) {
            String[] loaded = importInSmallHeap(data, catalogue, "--format", "catalog");
            assertThat(loaded[0]).as(loaded[2]).isEqualTo("0");
        }

        // when its observations are imported under -Xmx128m
        String[] imported = importInSmallHeap(data, files.get(2));

        // then every value is read and stored, and nothing but the report is printed
        assertThat(imported[0]).as(imported[2]).isEqualTo("0");
        assertThat(imported[2]).doesNotContain("Exception", "Error");
        JsonNode report = Json.MAPPER.readTree(imported[1]);
        assertThat(report.get("read").asLong()).isEqualTo(dataset.valueCount()).isEqualTo(4_001_970L);
        assertThat(report.get("added").asLong()).isEqualTo(dataset.valueCount());
    }
}
