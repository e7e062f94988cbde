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
    void warningsArePartOfThePrintedReportAndSpelledOutOnStandardErrorBesideTheSummary() throws Exception {
        String[] result = run("import", fixture("good/value-beside-status.json").toString(), "--data", dir.resolve("data").toString());

        assertThat(result[0]).isEqualTo("0");
        assertThat(report(result[1]).get("warned").asInt()).isEqualTo(1);
        assertThat(result[2]).contains("value-beside-status.json: 3 tall endret, 0 gjort endelige, 0 nye tall, 0 uendret,"
                        + " 3 konflikter med en annen kilde, 1 advarsel")
                .contains("Advarsel: value-beside-status.json value[0] (KOKkommuneregion0000=3201, ContentsCode=KHT.sykefravaer,"
                        + " Tid=2024): tallet 7,28 har statussymbolet '..' ved siden av; tallet er lagret, symbolet ikke");
    }

    @Test
    void implausibleFiguresHoldTheFileExitWith2AndAreNamedUntilConfirmed() throws Exception {
        String data = dir.resolve("data").toString();
        Path file = fixture("good/outliers.csv");

        String[] held = run("import", file.toString(), "--data", data);
        String[] confirmed = run("import", file.toString(), "--accept-outliers", "--data", data);

        assertThat(held[0]).isEqualTo("2");
        assertThat(held[2]).contains("Usannsynlig tall: outliers.csv linje 2, kolonne value: KHT.sykefravaer er i prosent, og"
                        + " 171,5 er utenfor 0–100")
                .contains("Usannsynlig tall: outliers.csv linje 3, kolonne value: KHT.arsverk_leger_per_10000 er i årsverk og kan"
                        + " ikke være negativ, men er -3")
                .contains("outliers.csv: 3 tall ser usannsynlige ut (utenfor det mulige for enheten, eller mer enn ti ganger året"
                        + " før), og ingenting i filen er lagret; rett tallene, eller send filen på nytt med acceptOutliers=true"
                        + " (--accept-outliers) hvis de er riktige.")
                .doesNotContain("Exception");
        assertThat(report(held[1]).get("importId").isNull()).isTrue();
        assertThat(confirmed[0]).as(confirmed[2]).isEqualTo("0");
        assertThat(report(confirmed[1]).get("changed").asInt()).isEqualTo(4);
        assertThat(report(confirmed[1]).get("outlierCount").asInt()).isEqualTo(3);
    }

    @Test
    void aDryRunPrintsTheWholeReportAsItWouldBeSaysSoAndStoresNothing() throws Exception {
        String data = dir.resolve("data").toString();
        Path file = fixture("good/kht-2024.csv");

        String[] dry = run("import", file.toString(), "--dry-run", "--data", data);
        String[] real = run("import", file.toString(), "--data", data);

        assertThat(dry[0]).isEqualTo("0");
        assertThat(report(dry[1]).get("dryRun").asBoolean()).isTrue();
        assertThat(report(dry[1]).get("changed").asInt()).isEqualTo(3);
        assertThat(dry[2]).contains("kht-2024.csv: Prøvekjøring, ingenting er lagret: 3 tall ville blitt endret");
        assertThat(report(real[1]).get("changed").asInt()).as("the dry run stored nothing").isEqualTo(3);
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
