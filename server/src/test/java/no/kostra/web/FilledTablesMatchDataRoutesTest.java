package no.kostra.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import no.kostra.support.FillableTemplates;
import no.kostra.support.Http;
import no.kostra.support.SeededServicesExtension;
import no.kostra.workbook.FilledReport;
import no.kostra.workbook.ReportTemplate;
import no.kostra.workbook.powerquery.ReportQueries;
import no.kostra.workbook.powerquery.TableQuery;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every cell of every table in every filled workbook is what the table's data route answers: the same rows in the same
 * order, each figure the same number (or status symbol), each formula's cached result the service's computed figure.
 * So a refresh from the route changes nothing in a workbook whose data has not changed. In a refreshable workbook the
 * revision column holds the revision the route answers.
 */
class FilledTablesMatchDataRoutesTest {
    /** The route rounds every number to six decimals (SixDecimals). */
    private static final double ROUTE_PRECISION = 5e-7;

    @RegisterExtension
    static final SeededServicesExtension SEEDED = new SeededServicesExtension();

    @ParameterizedTest(name = "refreshable: {0}")
    @ValueSource(booleans = {false, true})
    void everyCellOfEveryFilledTableIsWhatItsDataRouteAnswers(boolean refreshable) {
        JavalinTest.test(App.create(SEEDED.services()), (server, client) -> {
            int compared = 0;
            // the templates the seeds have figures for (FillableTemplates): the new areas are filled by the StatBank update
            for (ReportTemplate template : FillableTemplates.of(SEEDED.services(), "3201", 2024)) {
                FilledReport plain = SEEDED.services().reports().fill(template.id(), "3201", 2024);
                FilledReport report = refreshable
                        ? SEEDED.services().refreshableReports().refreshable(plain, URI.create("http://localhost:" + server.port())) : plain;
                try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(report.xlsx()))) {
                    for (TableQuery query : ReportQueries.of(template, "3201", 2024)) {
                        JsonNode answer = Http.json(client.get("/" + query.relativeUri()));
                        compared += compare(workbook.getTable(query.table()), answer);
                    }
                }
            }
            // 17 + 21 profile rows of 18 columns and the summary's 28 rows of 10 alone are 964 cells; then series and efficiency
            assertThat(compared).isGreaterThan(1_000);
        });
    }

    /** Compares every cell of the table whose header is a column the route answers; returns how many. */
    private static int compare(XSSFTable table, JsonNode answer) {
        DataFormatter text = new DataFormatter();
        Row header = table.getXSSFSheet().getRow(table.getStartRowIndex());
        Map<String, Integer> columns = new HashMap<>();
        for (int c = table.getStartColIndex(); c <= table.getEndColIndex(); c++) {
            columns.put(text.formatCellValue(header.getCell(c)), c);
        }
        JsonNode rows = answer.path("rows");
        int tableRows = table.getEndRowIndex() - table.getStartRowIndex();
        assertThat(tableRows).as(table.getName() + " rows").isEqualTo(Math.max(rows.size(), 1));
        int compared = 0;
        for (JsonNode column : answer.path("columns")) {
            Integer c = columns.get(column.path("header").asText());
            if (c == null) {
                continue;
            }
            for (int i = 0; i < rows.size(); i++) {
                Cell cell = table.getXSSFSheet().getRow(table.getStartRowIndex() + 1 + i).getCell(c);
                JsonNode expected = rows.get(i).path(column.path("name").asText());
                String where = table.getName() + " row " + (i + 1) + " column " + column.path("header").asText();
                compareCell(cell, expected, where);
                compared++;
            }
        }
        return compared;
    }

    private static void compareCell(Cell cell, JsonNode expected, String where) {
        CellType type = cell == null ? CellType.BLANK
                : cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (expected.isNull() && type == CellType.ERROR) {
            // a chart's helper with nothing to plot: #N/A (a gap) in the workbook, empty in the route
            assertThat(((org.apache.poi.xssf.usermodel.XSSFCell) cell).getErrorCellString()).as(where).isEqualTo("#N/A");
        } else if (expected.isNull()) {
            assertThat(type).as(where).isEqualTo(CellType.BLANK);
        } else if (expected.isNumber()) {
            assertThat(type).as(where).isEqualTo(CellType.NUMERIC);
            assertThat(cell.getNumericCellValue()).as(where).isCloseTo(expected.asDouble(), within(ROUTE_PRECISION));
        } else {
            assertThat(type).as(where).isEqualTo(CellType.STRING);
            assertThat(cell.getStringCellValue()).as(where).isEqualTo(expected.asText());
        }
    }
}
