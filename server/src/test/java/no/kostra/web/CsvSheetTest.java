package no.kostra.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CsvSheetTest {
    private static String render(CsvSheet sheet) {
        return new String(sheet.bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void cellsAreSeparatedBySemicolonsWithDecimalCommasForNorwegianExcel() {
        String csv = render(CsvSheet.of("navn", "verdi").row("Bærum", 1551770.5).row("ASSS", -0.082).build());

        assertThat(csv).isEqualTo("\uFEFFnavn;verdi\r\nBærum;1551770,5\r\nASSS;-0,082\r\n");
    }

    @Test
    void textThatASpreadsheetWouldEvaluateIsPrefixedWithAnApostrophe() {
        String csv = render(CsvSheet.of("tekst").row("=HYPERLINK(\"http://x\")").row("+1").row("-2").row("@SUM(A1)")
                .row("\tx").row("\rx").row("A 30 Helse og velferd").build());

        // commons-csv quotes a cell holding quotes or a carriage return, doubling the quotes inside
        assertThat(csv.split("\r\n")).containsExactly("\uFEFFtekst", "\"'=HYPERLINK(\"\"http://x\"\")\"", "'+1", "'-2",
                "'@SUM(A1)", "'\tx", "\"'\rx\"", "A 30 Helse og velferd");
    }

    @Test
    void ssbsNilSymbolAloneIsNoFormulaAndStaysAsItIs() {
        String csv = render(CsvSheet.of("status").row("-").row("..").row("-1 kr").build());

        assertThat(csv.split("\r\n")).containsExactly("\uFEFFstatus", "-", "..", "'-1 kr");
    }

    @Test
    void aNegativeNumberStaysANumberAndAnEmptyFigureAnEmptyCell() {
        String csv = render(CsvSheet.of("a", "b", "c").row(-8.2, null, 2024).build());

        assertThat(csv).endsWith("-8,2;;2024\r\n");
    }

    @Test
    void aRoundedFigureKeepsTheDecimalsItWasRoundedTo() {
        String csv = render(CsvSheet.of("snitt", "indeks").row(new java.math.BigDecimal("1.000"), new java.math.BigDecimal("-2.8")).build());

        assertThat(csv).endsWith("1,000;-2,8\r\n");
    }
}
