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
    void theBatchFillsEveryTemplateIntoAFolderUnderNamesAPersonWouldKeep() throws Exception {
        int exit = Main.commandLine().execute("report", "--all", "--region", "3201", "--year", "2024",
                "--out-dir", dir.resolve("out").toString(), "--data", dir.resolve("data").toString());

        assertThat(exit).isZero();
        try (Stream<Path> files = Files.list(dir.resolve("out"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "KOSTRA 2024 Kommunehelse - Bærum.xlsx", "KOSTRA 2024 Pleie og omsorg - Bærum.xlsx",
                    "KOSTRA 2024 Sammendrag for alle tjenesteområder - Bærum.xlsx");
        }
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
}
