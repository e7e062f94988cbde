package no.kostra.workbook.roundtrip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import no.kostra.errors.InvalidInputException;
import no.kostra.ingest.SeedFiles;
import no.kostra.ingest.SeedImporter;
import no.kostra.service.Services;
import no.kostra.support.SeededServicesExtension;
import no.kostra.support.XlsxParts;
import no.kostra.web.App;
import no.kostra.web.Json;
import no.kostra.workbook.ReportTemplates;
import no.kostra.workbook.design.TemplateDesigner;
import no.kostra.workbook.roundtrip.Decision.Outcome;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cells written by hand, as no spreadsheet program writes them (issue 20, item 7), in Bærum's 2024 ressursbruk cell
 * (the first row of Profil_KHT, column G, filled with 0,972: Profil!G43 in the 2024 design; found by
 * the table's name, so the next layout change does not move it): each is refused with a 400 that names the sheet and the cell, on the upload and its
 * dry run alike, or read as the value Excel would show; nothing changes. The fixtures are written here, part by part.
 */
class HostileCellsTest {
    static final String SHEET = "xl/worksheets/sheet1.xml";
    static final String AGAIN = "; skriv inn verdien på nytt i Excel og lagre arbeidsboken igjen";
    /** The 1-based rows of Profil_KHT's first and last data rows (the first is KHT.ressursbruksindikator), as designed. */
    static final int FIRST_ROW;
    static final int LAST_ROW;

    static {
        try (XSSFWorkbook template = new XSSFWorkbook(new ByteArrayInputStream(new TemplateDesigner().bytes(
                ReportTemplates.of(SeedImporter.catalogOf(SeedFiles.fromClasspath())).require("kommunehelse"))))) {
            XSSFTable profile = template.getTable("Profil_KHT");
            FIRST_ROW = profile.getStartRowIndex() + 2;
            LAST_ROW = FIRST_ROW + 16; // Kommunehelse's 17 rows
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Nothing here stores anything, so the tests share one seeded database. */
    @RegisterExtension
    static final SeededServicesExtension SEEDED = new SeededServicesExtension();
    static byte[] filled;

    Services services;
    long revision;

    @BeforeEach
    void fillTheKommunehelseWorkbook() {
        services = SEEDED.services();
        if (filled == null) {
            filled = services.reports().fill("kommunehelse", "3201", 2024).xlsx();
        }
        revision = services.figures().dataRevision();
    }

    @AfterEach
    void nothingChanged() {
        assertThat(services.figures().dataRevision()).as("data revision").isEqualTo(revision);
    }

    /** The workbook with the ressursbruk cell written as {@code cell}. */
    static byte[] withCell(byte[] filled, String cell) {
        return XlsxParts.replaceCell(filled, SHEET, "G" + FIRST_ROW, cell);
    }

    static Stream<Arguments> refusedCells() {
        return Stream.of(
                Arguments.of("a shared-formula follower whose master is missing", "<c r=\"G" + FIRST_ROW + "\" s=\"10\"><f t=\"shared\" si=\"7\"/><v>0.972</v></c>",
                        "kht.xlsx: cellen Profil!G" + FIRST_ROW + " hører til en delt formel (si 7) som ikke har noen formeltekst" + AGAIN),
                Arguments.of("a shared-formula master without text", "<c r=\"G" + FIRST_ROW + "\" s=\"10\"><f t=\"shared\" si=\"7\" ref=\"G" + FIRST_ROW + ":G" + (FIRST_ROW + 1) + "\"/><v>0.972</v></c>",
                        "kht.xlsx: cellen Profil!G" + FIRST_ROW + " hører til en delt formel (si 7) som ikke har noen formeltekst" + AGAIN),
                Arguments.of("a number cell holding text", "<c r=\"G" + FIRST_ROW + "\" s=\"10\" t=\"n\"><v>mye</v></c>",
                        "kht.xlsx: cellen Profil!G" + FIRST_ROW + " skal holde et tall, men holder 'mye'" + AGAIN),
                Arguments.of("NaN", "<c r=\"G" + FIRST_ROW + "\" s=\"10\"><v>NaN</v></c>",
                        "kht.xlsx: cellen Profil!G" + FIRST_ROW + " skal holde et tall, men holder 'NaN'" + AGAIN),
                Arguments.of("Infinity", "<c r=\"G" + FIRST_ROW + "\" s=\"10\"><v>Infinity</v></c>",
                        "kht.xlsx: cellen Profil!G" + FIRST_ROW + " skal holde et tall, men holder 'Infinity'" + AGAIN),
                Arguments.of("-Infinity", "<c r=\"G" + FIRST_ROW + "\" s=\"10\"><v>-Infinity</v></c>",
                        "kht.xlsx: cellen Profil!G" + FIRST_ROW + " skal holde et tall, men holder '-Infinity'" + AGAIN),
                Arguments.of("a number beyond a double", "<c r=\"G" + FIRST_ROW + "\" s=\"10\"><v>1e400</v></c>",
                        "kht.xlsx: cellen Profil!G" + FIRST_ROW + " skal holde et tall, men holder '1e400'" + AGAIN),
                Arguments.of("a hexadecimal number", "<c r=\"G" + FIRST_ROW + "\" s=\"10\"><v>0x1p3</v></c>",
                        "kht.xlsx: cellen Profil!G" + FIRST_ROW + " skal holde et tall, men holder '0x1p3'" + AGAIN),
                Arguments.of("an unknown cell type", "<c r=\"G" + FIRST_ROW + "\" s=\"10\" t=\"q\"><v>1</v></c>",
                        "kht.xlsx: cellen Profil!G" + FIRST_ROW + " har en ukjent celletype (t=\"q\")" + AGAIN),
                Arguments.of("a date cell that holds no date", "<c r=\"G" + FIRST_ROW + "\" s=\"10\" t=\"d\"><v>i morgen</v></c>",
                        "kht.xlsx: cellen Profil!G" + FIRST_ROW + " skal holde en dato, men holder 'i morgen'" + AGAIN),
                Arguments.of("a shared string that does not exist", "<c r=\"G" + FIRST_ROW + "\" s=\"10\" t=\"s\"><v>99999</v></c>",
                        "kht.xlsx: cellen Profil!G" + FIRST_ROW + " viser til en tekst som ikke finnes i arbeidsboken ('99999')" + AGAIN),
                Arguments.of("a shared string reference that is no number", "<c r=\"G" + FIRST_ROW + "\" s=\"10\" t=\"s\"><v>en</v></c>",
                        "kht.xlsx: cellen Profil!G" + FIRST_ROW + " viser til en tekst som ikke finnes i arbeidsboken ('en')" + AGAIN),
                Arguments.of("a boolean that is neither 0 nor 1", "<c r=\"G" + FIRST_ROW + "\" s=\"10\" t=\"b\"><v>7</v></c>",
                        "kht.xlsx: cellen Profil!G" + FIRST_ROW + " skal holde en sannhetsverdi (0 eller 1), men holder '7'" + AGAIN),
                Arguments.of("a cell address that is none", "<c r=\"G" + FIRST_ROW + "X\" s=\"10\"><v>0.972</v></c>",
                        "kht.xlsx: arket Profil har en celle med ugyldig adresse ('G" + FIRST_ROW + "X')" + AGAIN),
                Arguments.of("a cell beyond Excel's last column", "<c r=\"XFE" + FIRST_ROW + "\" s=\"10\"><v>0.972</v></c>",
                        "kht.xlsx: arket Profil har en celle med ugyldig adresse ('XFE" + FIRST_ROW + "')" + AGAIN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedCells")
    void aCellNoSpreadsheetProgramWritesIsRefusedNamingSheetAndCell(String what, String cell, String message) {
        byte[] returned = withCell(filled, cell);

        for (boolean dryRun : new boolean[] {true, false}) {
            assertThatThrownBy(() -> services.roundTrip().receive("kht.xlsx", returned, "Ole", "3201", dryRun))
                    .as(dryRun ? "dry run" : "upload")
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage(message);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedCells")
    void theRouteAnswersEachWithA400AndTheSameSentence(String what, String cell, String message) {
        byte[] returned = withCell(filled, cell);
        JavalinTest.test(App.create(services), (server, client) -> {
            for (String dryRun : new String[] {"true", "false"}) {
                HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:"
                        + server.port() + "/api/workbooks?name=kht.xlsx&sender=Ole&dryRun=" + dryRun))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(returned)).build(), HttpResponse.BodyHandlers.ofString());

                assertThat(response.statusCode()).as("dryRun=" + dryRun).isEqualTo(400);
                JsonNode body = Json.MAPPER.readTree(response.body());
                assertThat(body.path("error").asText()).isEqualTo(message);
            }
        });
    }

    private Decision onlyDecision(byte[] returned) {
        UploadReport report = services.roundTrip().receive("kht.xlsx", returned, "Ole", "3201", true);
        assertThat(report.decisions()).hasSize(1);
        return report.decisions().get(0);
    }

    @Test
    void aDateIsReadAsTheDateExcelShowsWhichIsNoNumber() {
        Decision decision = onlyDecision(withCell(filled, "<c r=\"G" + FIRST_ROW + "\" s=\"10\" t=\"d\"><v>2024-03-15T00:00:00</v></c>"));

        assertThat(decision.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(decision.reason()).isEqualTo("'15.03.2024' i Profil!G" + FIRST_ROW + " er ikke et tall");
    }

    @Test
    void aDataTableFormulaInADataCellIsAFormulaAndRefusedAsOne() {
        Decision decision = onlyDecision(withCell(filled,
                "<c r=\"G" + FIRST_ROW + "\" s=\"10\"><f t=\"dataTable\" ref=\"G" + FIRST_ROW + ":G" + (FIRST_ROW + 1) + "\" dt2D=\"0\" dtr=\"0\" r1=\"B1\"/><v>0.972</v></c>"));

        assertThat(decision.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(decision.reason()).isEqualTo("Cellen Profil!G" + FIRST_ROW + " inneholder formelen '=TABLE(,B1)'; formler lagres ikke, skriv inn tallet");
    }

    @Test
    void anArrayFormulaInADataCellIsRefusedAsAFormula() {
        Decision decision = onlyDecision(withCell(filled, "<c r=\"G" + FIRST_ROW + "\" s=\"10\"><f t=\"array\" ref=\"G" + FIRST_ROW + "\">0.9+0.075</f><v>0.975</v></c>"));

        assertThat(decision.reason()).isEqualTo("Cellen Profil!G" + FIRST_ROW + " inneholder formelen '=0.9+0.075'; formler lagres ikke, skriv inn tallet");
    }

    @Test
    void anEmptyValueIsAnEmptiedCell() {
        Decision decision = onlyDecision(withCell(filled, "<c r=\"G" + FIRST_ROW + "\" s=\"10\"><v></v></c>"));

        assertThat(decision.reason()).isEqualTo("Cellen Profil!G" + FIRST_ROW + " er tømt; skriv '..' for et tall som ikke finnes");
    }

    @Test
    void aSharedStringCellWithoutItsNumberIsAnEmptiedCell() {
        Decision decision = onlyDecision(withCell(filled, "<c r=\"G" + FIRST_ROW + "\" s=\"10\" t=\"s\"><v></v></c>"));

        assertThat(decision.reason()).isEqualTo("Cellen Profil!G" + FIRST_ROW + " er tømt; skriv '..' for et tall som ikke finnes");
    }

    @Test
    void aComputedCellCallingANameInAnotherWorkbookIsAnOverwrittenFormulaNotAFailure() {
        // a formula from a real-world workbook (POI's test file 56502.xlsx): an add-in function of an external workbook
        byte[] external = XlsxParts.replaceCell(filled, SHEET, "K" + FIRST_ROW, "<c r=\"K" + FIRST_ROW + "\" s=\"7\"><f>[1]!LUCANET(\"Ist\")</f><v>0</v></c>");

        Decision decision = onlyDecision(external);

        assertThat(decision.edit().kind()).isEqualTo(Edit.Kind.LOCKED_CELL);
        assertThat(decision.edit().newText()).isEqualTo("=[1]!LUCANET(\"Ist\")");
    }

    @Test
    void computedCellsStoredAsOneSharedFormulaAsExcelWritesThemAreTheSameFormulas() {
        // given the index column of the table's rows written as Excel writes a formula filled down: the first cell holds it, the rest refer to it
        byte[] shared = XlsxParts.replace(filled, SHEET, xml -> {
            StringBuilder out = new StringBuilder();
            Matcher m = java.util.regex.Pattern.compile("<c r=\"K(\\d+)\"([^>]*)><f>([^<]*)</f>").matcher(xml);
            while (m.find()) {
                int row = Integer.parseInt(m.group(1));
                String f = row == FIRST_ROW ? "<f t=\"shared\" ref=\"K" + FIRST_ROW + ":K" + LAST_ROW + "\" si=\"0\">" + m.group(3) + "</f>" : "<f t=\"shared\" si=\"0\"/>";
                m.appendReplacement(out, Matcher.quoteReplacement("<c r=\"K" + row + "\"" + m.group(2) + ">" + f));
            }
            return m.appendTail(out).toString();
        });
        assertThat(XlsxParts.read(shared, SHEET)).containsPattern("<c r=\"K" + LAST_ROW + "\" s=\"\\d+\"><f t=\"shared\" si=\"0\"/>");

        UploadReport report = services.roundTrip().receive("kht.xlsx", shared, "Ole", "3201", true);

        assertThat(report.decisions()).isEmpty();
    }

    @Test
    void aStrictOpenXmlWorkbookIsReadLikeAnyOther() {
        // given Ole's workbook saved as "Strict Open XML Spreadsheet": the same parts in the ISO namespaces
        byte[] corrected = withCell(filled, "<c r=\"G" + FIRST_ROW + "\" s=\"10\"><v>0.975</v></c>");
        byte[] strict = XlsxParts.rewrite(corrected, (name, xml) -> xml
                .replace("http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main")
                .replace("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships")
                .replace("<workbook ", "<workbook conformance=\"strict\" "));
        assertThat(XlsxParts.read(strict, "xl/workbook.xml")).contains("http://purl.oclc.org/ooxml/spreadsheetml/main");

        UploadReport report = services.roundTrip().receive("kht.xlsx", strict, "Ole", "3201", true);

        assertThat(MovedRowsAndSheetsTest.describe(report)).containsExactly("VALUE KHT.ressursbruksindikator 0.972 -> 0.975 APPLIED");
    }
}
