package no.kostra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import no.kostra.web.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {
    @TempDir
    Path dir;

    private Path fixture(String path) throws Exception {
        Path file = dir.resolve(path.substring(path.lastIndexOf('/') + 1));
        try (InputStream in = ImportCommandTest.class.getResourceAsStream("/ingest/" + path)) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    private static String[] run(String... args) {
        return CommandRun.run(args);
    }

    private static JsonNode report(String stdout) throws Exception {
        return Json.MAPPER.readTree(stdout.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElseThrow());
    }

    @Test
    void handWrittenCsvAndJsonStatImportFromTheCommandLineAndAgainChangeNothing() throws Exception {
        String data = dir.resolve("data").toString();

        String[] csv = run("import", fixture("good/kht-2024.csv").toString(), "--data", data);
        String[] again = run("import", fixture("good/kht-2024.csv").toString(), "--format", "csv", "--data", data);
        String[] json = run("import", fixture("good/march-2024.json").toString(), "--vintage", "preliminary", "--data", data);

        assertThat(csv[0]).isEqualTo("0");
        assertThat(report(csv[1]).get("changed").asInt()).isEqualTo(3);
        assertThat(report(json[1]).get("vintage").asText()).isEqualTo("preliminary");
        assertThat(report(json[1]).get("changed").asInt()).isEqualTo(1);
        assertThat(report(again[1]).get("changed").asInt()).isZero();
    }

    @Test
    void warningsArePartOfThePrintedReportAndSpelledOutOnStandardError() throws Exception {
        String[] result = run("import", fixture("good/implausible.csv").toString(), "--data", dir.resolve("data").toString());

        assertThat(result[0]).isEqualTo("0");
        assertThat(report(result[1]).get("warned").asInt()).isEqualTo(3);
        assertThat(report(result[1]).at("/warnings/2/where").asText()).isEqualTo("implausible.csv linje 4, kolonne value");
        assertThat(result[2]).contains("Advarsel: implausible.csv linje 3, kolonne value: KHT.andel_helsesamtaler_8_trinn er i prosent,"
                + " og 101,2 er utenfor 0–100; tallet er lagret, men bør sjekkes");
    }

    @Test
    void aBadFileExitsWith2AndSaysNothingChanged() throws Exception {
        String[] result = run("import", fixture("bad/jsonstat-size-product.json").toString(), "--data", dir.resolve("data").toString());

        assertThat(result[0]).isEqualTo("2");
        assertThat(result[2]).contains("Importen ble avvist, ingenting er endret: jsonstat-size-product.json value: size 2 × 1 × 1"
                + " gir 2 celler, men value har 3 verdier");
    }

    @Test
    void aCatalogueTableImportsAndItsIndicatorThenTakesFigures() throws Exception {
        Path indicators = dir.resolve("indicators.csv");
        Files.writeString(indicators, "id,area,profile,category,sort,name,unit,decimals,mean_kind,higher_is_more,source\n"
                + "KHT.test_ny,KHT,,,99,Ny indikator,kroner,0,weighted,true,test\n");
        Path figures = dir.resolve("ny.csv");
        Files.writeString(figures, "region;indicator;year;value\n3201;KHT.test_ny;2024;1 234\n");
        String data = dir.resolve("data").toString();

        String[] catalog = run("import", indicators.toString(), "--format", "catalog", "--data", data);
        String[] values = run("import", figures.toString(), "--data", data);

        assertThat(report(catalog[1]).get("added").asInt()).isEqualTo(1);
        assertThat(report(values[1]).get("added").asInt()).isEqualTo(1);
    }

    @Test
    void publishedEfficiencyStatementsForAnyYearImportFromTheCommandLine() throws Exception {
        Path statements = Files.writeString(dir.resolve("efficiency.csv"), """
                area,region,year,measure,kind,value,source,quote
                PLO,3201,2022,cost,level_percent,7.5,KS effektivitetsanalyse 2022,
                """, StandardCharsets.UTF_8);
        Path data = dir.resolve("data");

        String[] stored = run("import", statements.toString(), "--format", "reference", "--data", data.toString());
        String[] bad = run("import", Files.writeString(dir.resolve("deflators.csv"), "year,deflator_percent,source\n2024,99,x\n")
                .toString(), "--format", "reference", "--data", data.toString());

        assertThat(stored[0]).as(stored[2]).isEqualTo("0");
        assertThat(Json.MAPPER.readTree(stored[1]).path("rowsStored").asInt()).isEqualTo(1);
        assertThat(bad[0]).isEqualTo("2");
        assertThat(bad[2].strip().lines().reduce((a, b) -> b).orElseThrow())
                .startsWith("Importen ble avvist, ingenting er endret: Ugyldig fil: deflators.csv linje 2, kolonne deflator_percent");
    }

    @Test
    void aProfileRowsTableImportsFromTheCommandLineAndABadOneExitsWith2NamingLineAndColumn() throws Exception {
        Path rows = dir.resolve("profile_rows.csv");
        try (InputStream in = ImportCommandTest.class.getResourceAsStream("/profiles/profile_rows-2021.csv")) {
            Files.write(rows, in.readAllBytes());
        }
        Path bad = dir.resolve("bad").resolve("profile_rows.csv");
        Files.createDirectories(bad.getParent());
        Files.writeString(bad, "profile,first_year,last_year,sort,category,indicator,mean_kind\n"
                + "KHT,2021,2019,1,Prioritering,KHT.ressursbruksindikator,flat\n");
        String data = dir.resolve("data").toString();

        String[] good = run("import", rows.toString(), "--format", "catalog", "--data", data);
        String[] refused = run("import", bad.toString(), "--format", "catalog", "--data", data);

        assertThat(good[0]).isEqualTo("0");
        assertThat(report(good[1]).get("added").asInt()).isEqualTo(9);
        assertThat(refused[0]).isEqualTo("2");
        assertThat(refused[2]).contains("profile_rows.csv linje 2, kolonne last_year: last_year 2019 er før first_year 2021")
                .doesNotContain("Exception");
    }
}
