package no.kostra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReportCommandTest {
    @TempDir
    Path dir;

    @Test
    void reportWritesOneWorkbookToTheNamedFile() throws Exception {
        Path out = dir.resolve("kht.xlsx");

        int exit = Main.commandLine().execute("report", "--template", "kommunehelse", "--region", "3201", "--year", "2024",
                "--out", out.toString(), "--data", dir.resolve("data").toString());

        assertThat(exit).isZero();
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(out))) {
            var table = workbook.getTable("Profil_KHT");
            assertThat(table.getEndRowIndex() - table.getStartRowIndex()).isEqualTo(17);
        }
    }

    @Test
    void theMunicipalityMayBeNamedAsAPersonTypesIt() throws Exception {
        Path out = dir.resolve("kht.xlsx");

        String[] result = CommandRun.run("report", "--template", "kommunehelse", "--region", "baerum", "--year", "2024",
                "--out", out.toString(), "--data", dir.resolve("data").toString());

        assertThat(result[0]).as(result[2]).isEqualTo("0");
        assertThat(out).isNotEmptyFile();
    }

    @Test
    void aMistypedMunicipalityIsOneSentenceWithTheNearestNames() {
        String[] result = CommandRun.run("report", "--template", "kommunehelse", "--region", "Bærun", "--year", "2024",
                "--out", dir.resolve("kht.xlsx").toString(), "--data", dir.resolve("data").toString());

        assertThat(result[0]).isEqualTo("2");
        assertThat(result[2].strip().lines().reduce((a, b) -> b).orElse(""))
                .isEqualTo("Fant ingen kommune som heter «Bærun». Mente du Bærum (3201) eller Bardu (5520)?");
    }

    @Test
    void theBatchFillsEveryTemplateIntoAFolderUnderNamesAPersonWouldKeep() throws Exception {
        String[] run = CommandRun.run("report", "--all", "--region", "3201", "--year", "2024",
                "--out-dir", dir.resolve("out").toString(), "--data", dir.resolve("data").toString());

        // the seeds hold Bærum's figures for Kommunehelse and Pleie og omsorg; the seven areas the update fills are named
        assertThat(run[0]).as(run[2]).isEqualTo("0");
        assertThat(run[1]).contains("Hoppet over 7 arbeidsbøker uten tall:",
                "  barnehage for 3201: Ingen tall i Barnehage for Bærum 2024. Det finnes ingen tall for andre år heller.");
        try (Stream<Path> files = Files.list(dir.resolve("out"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "KOSTRA 2024 Kommunehelse - Bærum.xlsx", "KOSTRA 2024 Pleie og omsorg - Bærum.xlsx",
                    "KOSTRA 2024 Sammendrag for alle tjenesteområder - Bærum.xlsx");
        }
    }

    @Test
    void theNationalBatchFillsEveryTemplateForEveryMunicipalityWithFiguresAndNamesTheOthers() throws Exception {
        // the seeds hold profile figures for Bærum only: its three workbooks are filled, the other 3 567 (357 × 10 − 3) named
        String[] run = CommandRun.run("report", "--all", "--all-municipalities", "--year", "2024", "--threads", "2",
                "--out-dir", dir.resolve("out").toString(), "--data", dir.resolve("data").toString());

        assertThat(run[0]).isEqualTo("0");
        try (Stream<Path> files = Files.list(dir.resolve("out"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "KOSTRA 2024 Kommunehelse - Bærum.xlsx", "KOSTRA 2024 Pleie og omsorg - Bærum.xlsx",
                    "KOSTRA 2024 Sammendrag for alle tjenesteområder - Bærum.xlsx");
        }
        assertThat(run[1]).contains("Hoppet over 3567 arbeidsbøker uten tall:",
                "  kommunehelse for 0301: Ingen tall i Kommunehelse for Oslo 2024. Det finnes ingen tall for andre år heller.",
                "  … og 3547 til");
    }

    @Test
    void designTemplatesWritesTheTemplateOfEveryAreaOfTheCatalogueAndTheSummaryToEditInExcel() throws Exception {
        String[] run = CommandRun.run("design-templates", "--out", dir.resolve("maler").toString(), "--data", dir.resolve("data").toString());

        assertThat(run[0]).isEqualTo("0");
        try (Stream<Path> files = Files.list(dir.resolve("maler"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("kommunehelse.xlsx",
                    "pleie-og-omsorg.xlsx", "barnehage.xlsx", "grunnskole.xlsx", "barnevern.xlsx", "sosiale-tjenester.xlsx",
                    "samferdsel.xlsx", "eiendomsforvaltning.xlsx", "byggesak.xlsx", "sammendrag.xlsx");
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(dir.resolve("maler").resolve("pleie-og-omsorg.xlsx")))) {
            assertThat(workbook.getTable("Profil_PLO_67").getSheetName()).isEqualTo("Profil 67 år+");
            assertThat(workbook.getTable("Kommunebarometer_PLO")).isNotNull();
        }
    }

    @Test
    void regionsAreNamedOrAllMunicipalitiesNotBoth() {
        String[] run = CommandRun.run("report", "--all", "--all-municipalities", "--region", "3201", "--year", "2024",
                "--out-dir", dir.resolve("out").toString(), "--data", dir.resolve("data").toString());

        assertThat(run[0]).isEqualTo("2");
        assertThat(run[2]).contains("Gi --region KOMMUNE (én eller flere) eller --all-municipalities");
    }

    @Test
    void outNamesOneFileSoABatchNeedsAFolder() {
        CommandLine command = Main.commandLine();
        StringWriter err = new StringWriter();
        command.setErr(new PrintWriter(err));

        int exit = command.execute("report", "--all", "--region", "3201", "--year", "2024", "--out", dir.resolve("x.xlsx").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--out er én fil; for flere arbeidsbøker, bruk --out-dir MAPPE");
    }

    @Test
    void aRefreshableWorkbookQueriesTheServiceAddressGiven() throws Exception {
        Path out = dir.resolve("kht.xlsx");

        int exit = Main.commandLine().execute("report", "--template", "kommunehelse", "--region", "3201", "--year", "2024",
                "--refreshable", "--service-url", "https://kostra.baerum.kommune.no", "--out", out.toString(),
                "--data", dir.resolve("data").toString());

        assertThat(exit).isZero();
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(out.toFile())) {
            assertThat(zip.getEntry("xl/connections.xml")).isNotNull();
            assertThat(zip.getEntry("customXml/item1.xml")).isNotNull();
        }
    }

    @Test
    void refreshableNeedsTheAddressPeopleReachTheServiceAt() {
        CommandLine command = Main.commandLine();
        StringWriter err = new StringWriter();
        command.setErr(new PrintWriter(err));

        int exit = command.execute("report", "--template", "kommunehelse", "--region", "3201", "--year", "2024", "--refreshable",
                "--out", dir.resolve("x.xlsx").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--refreshable trenger --service-url: adressen folk når tjenesten på, for eksempel"
                + " https://kostra.baerum.kommune.no");
        assertThat(err.toString()).doesNotContain("Exception");
    }
}
