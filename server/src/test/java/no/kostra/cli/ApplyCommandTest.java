package no.kostra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import no.kostra.support.TableCell;
import no.kostra.support.XlsxParts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code apply} at the terminal, on one embedded database: Kari fills the Kommunehelse workbook, Ole returns it with
 * legeårsverk 2024 typed as 101,2 (a decimal slip for 10,12) or with a cell written by hand. What cannot be stored is
 * one bokmål sentence and exit code 2, never a stack trace; a dry run says what would be stored.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApplyCommandTest {
    static final String SHEET = "xl/worksheets/sheet1.xml";

    @TempDir
    static Path dir;
    static Path data;
    static byte[] filled;
    /** Bærum's legeårsverk 2024 cell (filled with 10,12), found by table, row and column, not by the layout's address. */
    static TableCell leger;

    @BeforeAll
    static void kariFillsTheWorkbook() throws Exception {
        data = dir.resolve("data");
        Path out = dir.resolve("kht.xlsx");
        String[] run = CommandRun.run("report", "--template", "kommunehelse", "--region", "3201", "--year", "2024",
                "--out", out.toString(), "--data", data.toString());
        assertThat(run[0]).as(run[2]).isEqualTo("0");
        filled = Files.readAllBytes(out);
        leger = TableCell.find(filled, "Profil_KHT", "KHT.arsverk_leger_per_10000", "2024");
        assertThat(leger.sheet()).isEqualTo("Profil");
    }

    /** The filled workbook with the legeårsverk 2024 cell written as {@code value} (a {@code <v>} element's text). */
    private static Path returned(String name, String value) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, XlsxParts.replaceCell(filled, SHEET, leger.address(),
                "<c r=\"" + leger.address() + "\" s=\"" + leger.style() + "\"><v>" + value + "</v></c>"));
        return file;
    }

    private static String[] apply(Path file, String... options) {
        String[] args = new String[options.length + 4];
        args[0] = "apply";
        args[1] = file.toString();
        args[2] = "--data";
        args[3] = data.toString();
        System.arraycopy(options, 0, args, 4, options.length);
        return CommandRun.run(args);
    }

    /** What the command said on standard error, without the log lines this test's JVM also writes there. */
    private static String said(String stderr) {
        StringBuilder said = new StringBuilder();
        stderr.lines().filter(line -> !line.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:.*"))
                .forEach(line -> said.append(line).append(System.lineSeparator()));
        return said.toString();
    }

    @Test
    @Order(1)
    void aCellNoSpreadsheetProgramWritesIsOneSentenceAndExitCode2() throws Exception {
        String[] run = apply(returned("nan.xlsx", "NaN"));

        assertThat(run[0]).isEqualTo("2");
        assertThat(said(run[2])).isEqualTo("nan.xlsx: cellen " + leger.named() + " skal holde et tall, men holder 'NaN';"
                + " skriv inn verdien på nytt"
                + " i Excel og lagre arbeidsboken igjen" + System.lineSeparator());
        assertThat(run[1]).isEmpty();
    }

    @Test
    @Order(2)
    void aDryRunOfADoubtfulFigureSaysItWouldBeHeldAndStoresNothing() throws Exception {
        String[] run = apply(returned("slip.xlsx", "101.2"), "--dry-run");

        assertThat(run[0]).isEqualTo("0");
        assertThat(run[1]).isEqualTo(leger.named() + " KHT.arsverk_leger_per_10000 3201 2024: '10.12' -> '101.2'. Ville blitt holdt"
                + " tilbake, tallet i " + leger.named() + " ser feil ut: KHT.arsverk_leger_per_10000 er 101,2, mer enn ti ganger tallet for"
                + " året før (9,92); er tallet riktig, send arbeidsboken med bekreftelse (acceptOutliers=true, eller apply"
                + " --accept-outliers)" + System.lineSeparator()
                + "1 endringer: 0 ville blitt lagret, 0 i konflikt, 0 avvist, 0 allerede lagret, 1 ville blitt holdt tilbake."
                + " Prøvekjøring: ingenting er lagret." + System.lineSeparator());
    }

    @Test
    @Order(3)
    void aDoubtfulFigureIsHeldWithExitCode2UntilTheRunIsConfirmed() throws Exception {
        Path slip = returned("slip.xlsx", "101.2");

        String[] held = apply(slip);

        assertThat(held[0]).isEqualTo("2");
        assertThat(held[1]).endsWith("1 endringer: 0 ville blitt lagret, 0 i konflikt, 0 avvist, 0 allerede lagret, 1 holdt tilbake."
                + " Ingenting er lagret." + System.lineSeparator());
        assertThat(said(held[2])).isEqualTo("Ingenting er lagret: 1 rettet tall ser feil ut og må bekreftes ("
                + leger.named() + "); er tallene"
                + " riktige, kjør apply på nytt med --accept-outliers." + System.lineSeparator());

        String[] confirmed = apply(slip, "--accept-outliers");

        assertThat(confirmed[0]).as(confirmed[2]).isEqualTo("0");
        assertThat(confirmed[1]).contains("Lagret som rettelse (forrige verdi 10,12), bekreftet selv om tallet ser feil ut")
                .contains("1 endringer: 1 lagret, 0 i konflikt, 0 avvist, 0 allerede lagret, 0 holdt tilbake. Lagret som innsendt arbeidsbok ");
        assertThat(said(confirmed[2])).isEmpty();
    }
}
