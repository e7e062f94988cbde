package no.kostra.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import no.kostra.errors.InvalidInputException;
import no.kostra.observation.Figure;
import no.kostra.observation.Status;
import no.kostra.support.StreamingZip64;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** xlsx files are written here with POI (a real workbook, a real zip bomb, a real XXE payload) and imported. */
class XlsxImportTest {
    private final IngestFixture fixture = new IngestFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    static byte[] workbook() throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("Data");
            Object[][] rows = {
                    {"Kommune", "Indikator", "År", "Verdi", "Status"},
                    {"3201", "KHT.netto_driftsutgifter_per_innbygger", 2024, 4275.25, null},
                    {"0301", "KHT.netto_driftsutgifter_per_innbygger", 2024, "16 123", null},
                    {"0301", "KHT.ressursbruksindikator", 2024, null, ":"}};
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    Object v = rows[r][c];
                    if (v instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else if (v != null) {
                        row.createCell(c).setCellValue((String) v);
                    }
                }
            }
            var format = wb.createCellStyle();
            format.setDataFormat(wb.createDataFormat().getFormat("# ##0"));
            sheet.getRow(1).getCell(3).setCellStyle(format);
            wb.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void aWorkbookImportsWithStoredNumbersNotTheirDisplayFormat() throws IOException {
        ImportReport report = fixture.services.importer().importFile("kht.xlsx", workbook(), ImportOptions.defaults());

        assertThat(report.format()).isEqualTo("xlsx");
        assertThat(report.read()).isEqualTo(3);
        assertThat(fixture.services.figures().municipalityFigures(List.of("KHT.netto_driftsutgifter_per_innbygger"), "3201", 2024, 2024)
                .get("KHT.netto_driftsutgifter_per_innbygger").get(2024)).isEqualTo(Figure.of(4275.25));
        assertThat(fixture.services.figures().municipalityFigures(List.of("KHT.ressursbruksindikator"), "0301", 2024, 2024)
                .get("KHT.ressursbruksindikator").get(2024)).isEqualTo(Figure.missing(Status.CONFIDENTIAL));
    }

    @Test
    void aWorkbookFromAStreamingWriterWithZip64DataDescriptorsImports() throws IOException {
        // given a valid workbook whose entries carry their sizes after the data, as ZIP64 data descriptors
        byte[] streamed = StreamingZip64.repack(workbook());
        assertThat(StreamingZip64.everyEntryHasZip64DataDescriptor(streamed)).isTrue();
        try (XSSFWorkbook poi = new XSSFWorkbook(new ByteArrayInputStream(streamed))) {
            assertThat(poi.getSheet("Data").getLastRowNum()).as("POI reads it").isEqualTo(3);
        }

        // when it is imported
        ImportReport report = fixture.services.importer().importFile("strømmet.xlsx", streamed, ImportOptions.defaults());

        // then it is read like any workbook
        assertThat(report.read()).isEqualTo(3);
        assertThat(fixture.services.figures().municipalityFigures(List.of("KHT.netto_driftsutgifter_per_innbygger"), "3201", 2024, 2024)
                .get("KHT.netto_driftsutgifter_per_innbygger").get(2024)).isEqualTo(Figure.of(4275.25));
    }

    @Test
    void aFormulaInAFigureCellIsRefusedNamingTheCellNotImportedAsItsCachedResult() throws IOException {
        // given a value cell holding a formula whose cached result is 7,28
        byte[] withFormula = edited(workbook(), sheet -> {
            var cell = sheet.getRow(1).getCell(3);
            cell.setCellFormula("HYPERLINK(\"http://example.invalid\",7.28)");
            cell.setCellValue(7.28);
        });

        refused("lenke.xlsx", withFormula, "lenke.xlsx ark Data, celle D2 (verdi): cellen ser ut som en regnearkformel"
                + " ('=HYPERLINK(\"http://example.invalid\",7.28…'); formler importeres ikke");
    }

    @Test
    void aFormulaInARegionCellIsRefusedNamingTheCell() throws IOException {
        byte[] withFormula = edited(workbook(), sheet -> {
            var cell = sheet.getRow(2).getCell(0);
            cell.setCellFormula("\"03\"&\"01\"");
            cell.setCellValue("0301");
        });

        refused("region.xlsx", withFormula, "region.xlsx ark Data, celle A3 (kommune): cellen ser ut som en regnearkformel"
                + " ('=\"03\"&\"01\"'); formler importeres ikke");
    }

    @Test
    void aCellThatOnlyRefersToASharedFormulaIsRefusedToo() throws IOException {
        // given a cell as Excel stores a formula filled down: a reference to the formula of the range's first cell
        byte[] shared = replaceSheet(workbook(), sheet -> new String(sheet, StandardCharsets.UTF_8)
                .replaceFirst("<c r=\"D2\"([^>]*)>", "<c r=\"D2\"$1><f t=\"shared\" si=\"0\"/>")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(new String(unzipped(shared, "xl/worksheets/sheet1.xml"), StandardCharsets.UTF_8))
                .contains("<f t=\"shared\" si=\"0\"/><v>4275.25</v>");

        refused("delt.xlsx", shared, "delt.xlsx ark Data, celle D2 (verdi): cellen ser ut som en regnearkformel ('=…');"
                + " formler importeres ikke");
    }

    @Test
    void aSheetWithARowBeyondExcelsLastRowIsRefusedNamingTheLimit() throws IOException {
        // given a sheet no spreadsheet program would open: a figure in row 1 048 577
        byte[] beyond = replaceSheet(workbook(), sheet -> new String(sheet, StandardCharsets.UTF_8).replace("</sheetData>",
                "<row r=\"1048577\"><c r=\"A1048577\" t=\"inlineStr\"><is><t>3201</t></is></c>"
                        + "<c r=\"B1048577\" t=\"inlineStr\"><is><t>KHT.ressursbruksindikator</t></is></c>"
                        + "<c r=\"C1048577\"><v>2023</v></c><c r=\"D1048577\"><v>1.5</v></c></row></sheetData>")
                .getBytes(StandardCharsets.UTF_8));

        refused("langt.xlsx", beyond, "langt.xlsx ark Data, rad 1048577: filen har flere rader enn et Excel-ark har plass til"
                + " (høyst 1\u00A0048\u00A0576, overskriften medregnet); del den i flere filer");
    }

    @Test
    void aTruncatedWorkbookIsRefused() throws IOException {
        byte[] good = workbook();
        refused("avkuttet.xlsx", Arrays.copyOf(good, good.length / 2),
                "avkuttet.xlsx: filen er skadet, avkuttet eller ikke en xlsx-arbeidsbok");
    }

    @Test
    void anEncryptedWorkbookIsRefused() throws Exception {
        refused("kryptert.xlsx", encrypted(workbook()), "kryptert.xlsx: filen er passordbeskyttet (kryptert) eller i det gamle"
                + " .xls-formatet; lagre den som en vanlig .xlsx-arbeidsbok uten passord");
    }

    @Test
    void aZipBombIsRefusedBeforeItIsUnpacked() throws IOException {
        byte[] padding = new byte[60 * 1024 * 1024];
        Arrays.fill(padding, (byte) ' ');
        byte[] bomb = replaceSheet(workbook(), sheet -> {
            String xml = new String(sheet, StandardCharsets.UTF_8);
            int end = xml.indexOf("?>") + 2;
            return concat(xml.substring(0, end).getBytes(StandardCharsets.UTF_8), padding,
                    xml.substring(end).getBytes(StandardCharsets.UTF_8));
        });
        assertThat(bomb.length).isLessThan(1024 * 1024);

        refused("bombe.xlsx", bomb, "bombe.xlsx: filen ser ut som en zip-bombe (pakker ut til langt mer enn den fyller); den leses ikke");
    }

    @Test
    void aWorkbookWithXmlEntitiesIsRefusedAndNoFileIsRead() throws IOException {
        byte[] xxe = replaceSheet(workbook(), sheet -> ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>region</t></is></c></row>"
                + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>&xxe;</t></is></c></row>"
                + "</sheetData></worksheet>").getBytes(StandardCharsets.UTF_8));

        refused("xxe.xlsx", xxe, "xxe.xlsx: arbeidsboken inneholder XML-deklarasjoner (DOCTYPE/entiteter), som ikke er tillatt");
    }

    private void refused(String name, byte[] bytes, String message) {
        List<Long> before = fixture.state();
        assertThatThrownBy(() -> fixture.services.importer().importFile(name, bytes, ImportOptions.defaults()))
                .isInstanceOf(InvalidInputException.class).hasMessage(message);
        assertThat(fixture.state()).isEqualTo(before);
    }

    private static byte[] encrypted(byte[] xlsx) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("hemmelig");
            try (OutputStream os = encryptor.getDataStream(fs)) {
                os.write(xlsx);
            }
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    interface SheetEdit {
        void apply(Sheet sheet);
    }

    private static byte[] edited(byte[] xlsx, SheetEdit edit) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            edit.apply(wb.getSheetAt(0));
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] unzipped(byte[] zip, String name) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return in.readAllBytes();
                }
            }
        }
        throw new AssertionError("no " + name);
    }

    interface SheetRewrite {
        byte[] apply(byte[] sheet) throws IOException;
    }

    private static byte[] replaceSheet(byte[] xlsx, SheetRewrite rewrite) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx)); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(e.getName().equals("xl/worksheets/sheet1.xml") ? rewrite.apply(content) : content);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
