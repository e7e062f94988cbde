package no.kostra.workbook.powerquery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import no.kostra.service.Product;
import no.kostra.support.SeededServicesExtension;
import no.kostra.workbook.FilledReport;
import no.kostra.workbook.ReportTemplate;
import no.kostra.workbook.TemplateException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A filled report made refreshable, read back part by part and cell by cell. */
class RefreshableWorkbookTest {
    private static final URI SERVICE = URI.create("https://kostra.baerum.kommune.no");

    @RegisterExtension
    static final SeededServicesExtension SEEDED = new SeededServicesExtension();

    private static FilledReport filled(String template) {
        return SEEDED.services().reports().fill(template, "3201", 2024);
    }

    private static FilledReport refreshable(FilledReport report) {
        return SEEDED.services().refreshableReports().refreshable(report, SERVICE);
    }

    private static String part(byte[] xlsx, String name) throws Exception {
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(xlsx))) {
            PackagePart part = pkg.getPart(PackagingURIHelper.createPartName(name));
            assertThat(part).as(name).isNotNull();
            try (InputStream in = part.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } finally {
                pkg.revert();
            }
        }
    }

    private static List<String> relationsOf(byte[] xlsx, String name) throws Exception {
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(xlsx))) {
            List<String> targets = new ArrayList<>();
            for (PackageRelationship r : pkg.getPart(PackagingURIHelper.createPartName(name)).getRelationships()) {
                targets.add(r.getRelationshipType().substring(r.getRelationshipType().lastIndexOf('/') + 1) + " " + r.getTargetURI());
            }
            pkg.revert();
            return targets;
        }
    }

    @Test
    void everyTableIsBackedByAQueryThroughThePowerQueryProviderThatDoesNotRefreshOnOpen() throws Exception {
        byte[] xlsx = refreshable(filled("kommunehelse")).xlsx();

        String connections = part(xlsx, "/xl/connections.xml");
        assertThat(connections).contains("<connection id=\"1\" keepAlive=\"1\" name=\"Spørring - Profil_KHT\"",
                "connection=\"Provider=Microsoft.Mashup.OleDb.1;Data Source=$Workbook$;Location=&quot;Profil_KHT&quot;;\"",
                "command=\"SELECT * FROM [Profil_KHT]\"", "name=\"Spørring - Serier_KHT\"", "name=\"Spørring - Effektivitet_KHT\"");
        assertThat(connections).doesNotContain("refreshOnLoad=\"1\"");
        assertThat(relationsOf(xlsx, "/xl/workbook.xml")).contains("connections /xl/connections.xml", "customXml /customXml/item1.xml");
        assertThat(relationsOf(xlsx, "/xl/tables/table1.xml")).containsExactly("queryTable /xl/queryTables/queryTable1.xml");
        assertThat(part(xlsx, "/xl/tables/table1.xml")).contains("tableType=\"queryTable\"");
        assertThat(part(xlsx, "/xl/queryTables/queryTable1.xml")).contains("name=\"ExternalData_1\"", "connectionId=\"1\"",
                "refreshOnLoad=\"0\"", "adjustColumnWidth=\"0\"");
        assertThat(relationsOf(xlsx, "/customXml/item1.xml")).containsExactly("customXmlProps /customXml/itemProps1.xml");
        assertThat(part(xlsx, "/customXml/itemProps1.xml")).contains("ds:schemaRef ds:uri=\"http://schemas.microsoft.com/DataMashup\"");
        // the query's range is the profile table's, its revision column included, wherever the design puts the table
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            XSSFTable profile = workbook.getTable("Profil_KHT");
            assertThat(profile.getXSSFSheet().getRow(profile.getStartRowIndex()).getCell(profile.getEndColIndex()).getStringCellValue())
                    .isEqualTo("Datarevisjon");
            String range = new AreaReference(new CellReference(profile.getStartRowIndex(), profile.getStartColIndex(), true, true),
                    new CellReference(profile.getEndRowIndex(), profile.getEndColIndex(), true, true),
                    org.apache.poi.ss.SpreadsheetVersion.EXCEL2007).formatAsString();
            assertThat(part(xlsx, "/xl/workbook.xml")).contains("<definedName hidden=\"1\" localSheetId=\"0\" name=\"ExternalData_1\">Profil!"
                    + range + "</definedName>");
        }
    }

    @Test
    void theQueryLoadsFiguresAndTextAndLeavesFormulasCommentsAndTheAnalystsColumnsToTheTable() throws Exception {
        String queryTable = part(refreshable(filled("kommunehelse")).xlsx(), "/xl/queryTables/queryTable1.xml");

        assertThat(queryTable).contains("<queryTableFields count=\"20\">",
                "<queryTableField id=\"1\" name=\"Id\" tableColumnId=\"1\"/>",
                "<queryTableField id=\"5\" name=\"2022\" tableColumnId=\"5\"/>",
                "<queryTableField id=\"10\" name=\"Lavest ASSS\" tableColumnId=\"10\"/>",
                "<queryTableField id=\"11\" dataBound=\"0\" tableColumnId=\"11\"/>", // Indeks: a formula
                "<queryTableField id=\"14\" name=\"Endring målt i\" tableColumnId=\"14\"/>",
                "<queryTableField id=\"15\" dataBound=\"0\" tableColumnId=\"15\"/>", // Kommunen (ASSS = 100): the chart's helper formula
                "<queryTableField id=\"18\" name=\"Kommentar fra analysen\" tableColumnId=\"18\"/>",
                "<queryTableField id=\"19\" dataBound=\"0\" tableColumnId=\"19\"/>", // the service leader's comments
                "<queryTableField id=\"20\" name=\"Datarevisjon\" tableColumnId=\"20\"/>",
                "<queryTableRefresh nextId=\"21\">");
    }

    @Test
    void aFormulaEveryRowSharesBecomesTheColumnsCalculatedFormulaSoRowsARefreshAddsGetIt() throws Exception {
        String table = part(refreshable(filled("kommunehelse")).xlsx(), "/xl/tables/table1.xml");

        assertThat(table).contains("<tableColumn id=\"11\" name=\"Indeks (ASSS = 100)\" queryTableFieldId=\"11\" uniqueName=\"11\">"
                + "<calculatedColumnFormula>IF(AND(ISNUMBER(Profil_KHT[[#This Row],[2024]]),ISNUMBER(Profil_KHT[[#This Row],[ASSS-snitt]]),"
                + "Profil_KHT[[#This Row],[ASSS-snitt]]&lt;&gt;0),Profil_KHT[[#This Row],[2024]]/Profil_KHT[[#This Row],[ASSS-snitt]]*100,"
                + "\"..\")</calculatedColumnFormula></tableColumn>");
        // the change is in percentage points for a percentage and in percent otherwise: no one formula for the column
        assertThat(table).contains("<tableColumn id=\"13\" name=\"Endring fra året før\" queryTableFieldId=\"13\" uniqueName=\"13\"/>");
    }

    @Test
    void eachTableGetsARevisionColumnHoldingTheRevisionItWasFilledAt() throws Exception {
        FilledReport report = refreshable(filled("pleie-og-omsorg"));

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(report.xlsx()))) {
            for (String name : List.of("Profil_PLO", "Profil_PLO_0_66", "Profil_PLO_67", "Profil_PLO_TTU", "Effektivitet_PLO")) {
                XSSFTable table = workbook.getTable(name);
                Sheet sheet = table.getXSSFSheet();
                int column = table.getEndColIndex();
                assertThat(sheet.getRow(table.getStartRowIndex()).getCell(column).getStringCellValue()).as(name).isEqualTo("Datarevisjon");
                for (int r = table.getStartRowIndex() + 1; r <= table.getEndRowIndex(); r++) {
                    assertThat(sheet.getRow(r).getCell(column).getNumericCellValue()).as(name).isEqualTo(report.dataRevision());
                }
            }
        }
    }

    @Test
    void theSourceLineSaysHowToRefreshAndThatOpeningDoesNot() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(refreshable(filled("sammendrag")).xlsx()))) {
            CellReference source = new AreaReference(workbook.getName(ReportTemplate.SOURCE_NAME).getRefersToFormula(),
                    org.apache.poi.ss.SpreadsheetVersion.EXCEL2007).getFirstCell();
            String text = workbook.getSheet(source.getSheetName()).getRow(source.getRow()).getCell(source.getCol()).getStringCellValue();

            assertThat(text).startsWith("Kilde: KOSTRA (SSB) og ASSS. Datarevisjon ").endsWith(" av " + Product.NAME + "."
                    + " Tallene kan oppdateres fra https://kostra.baerum.kommune.no med Data > Oppdater alt (Excel ber om innlogging"
                    + " første gang); de oppdateres ikke av seg selv når arbeidsboken åpnes.");
        }
    }

    @Test
    void everyCellTheFillWroteStaysAsItWas() throws Exception {
        FilledReport plain = filled("kommunehelse");
        FilledReport refreshable = refreshable(plain);

        List<String> before = cells(plain.xlsx());
        List<String> after = cells(refreshable.xlsx());

        assertThat(after).containsAll(before.stream().filter(c -> !c.startsWith("Profil!B2=")).toList());
        int tableHeights = 0;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(refreshable.xlsx()))) {
            for (String table : List.of("Profil_KHT", "Serier_KHT", "Effektivitet_KHT")) {
                tableHeights += workbook.getTable(table).getEndRowIndex() - workbook.getTable(table).getStartRowIndex() + 1;
            }
        }
        // the efficiency table has the report year and the year before
        assertThat(tableHeights).isEqualTo((1 + 17) + (1 + 41) + (1 + 2));
        assertThat(after.size() - before.size()).as("the revision column's header and a value per data row").isEqualTo(tableHeights);
    }

    /** Every non-empty cell as sheet!address=content, formulas as their text. */
    private static List<String> cells(byte[] xlsx) throws Exception {
        List<String> out = new ArrayList<>();
        DataFormatter text = new DataFormatter();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        String content = cell.getCellType() == org.apache.poi.ss.usermodel.CellType.FORMULA ? "=" + cell.getCellFormula()
                                : text.formatCellValue(cell);
                        if (!content.isEmpty()) {
                            out.add(sheet.getSheetName() + "!" + cell.getAddress() + "=" + content);
                        }
                    }
                }
            }
        }
        return out;
    }

    @Test
    void aTemplateWithSomethingRightOfATableIsRefusedNamingTheCell() throws Exception {
        FilledReport report = filled("kommunehelse");
        ByteArrayOutputStream edited = new ByteArrayOutputStream();
        String besideTheHeading;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(report.xlsx()))) {
            XSSFTable table = workbook.getTable("Effektivitet_KHT");
            table.getXSSFSheet().getRow(table.getStartRowIndex()).createCell(table.getEndColIndex() + 1).setCellValue("Merknad");
            besideTheHeading = new CellReference(table.getStartRowIndex(), table.getEndColIndex() + 1).formatAsString();
            workbook.write(edited);
        }

        assertThatThrownBy(() -> refreshable(report.withXlsx(edited.toByteArray())))
                .isInstanceOf(TemplateException.class)
                .hasMessage("Tabellen 'Effektivitet_KHT' trenger en tom kolonne til høyre for seg til Datarevisjon, men cellen " + besideTheHeading
                        + " har innhold");
    }
}
