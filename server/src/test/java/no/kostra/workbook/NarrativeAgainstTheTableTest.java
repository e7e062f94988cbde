package no.kostra.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.kostra.catalog.Catalog;
import no.kostra.catalog.Indicator;
import no.kostra.catalog.ProfileDefinition;
import no.kostra.compute.narrative.Wording;
import no.kostra.service.Services;
import no.kostra.support.FillableTemplates;
import no.kostra.support.SeededServices;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A narrative test over every row of every profile: in every filled workbook for Bærum 2024, every number a row's
 * sentences tell is a number its table shows, as the table shows it (read back with POI in the Norwegian format), and
 * no sentence splices a source's raw name or unit. A catalogue check makes sure every indicator any profile layout
 * names reads as prose in a sentence, so a new area's rows are held to it too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NarrativeAgainstTheTableTest {
    private static final DataFormatter NORWEGIAN = new DataFormatter(Locale.forLanguageTag("nb-NO"));
    /** A number as a sentence or a Norwegian cell writes it: 1 551 770, 0,972, -2,8. */
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,3}(?:[\\u00a0\\u202f ]\\d{3})*(?:,\\d+)?");
    /** The year a sentence is about or counts from: "i 2024", "fra 2023". */
    private static final Pattern YEAR = Pattern.compile("\\b(i|fra|for) (19|20)\\d\\d\\b");
    /** What only a table heading or a source's column carries, never running text. */
    private static final List<String> SPLICES = List.of("(prosent)", "(kroner)", "(årsverk)", "(timer)", "(B)", "(TTU)",
            ": ", " + år", "år+", "pr.", "inkl.", "(f1", "(f2", "f233", "2022-vektinger", "8.trinn", "liste-kapasitet",
            "kommunehelsetjenesten av kommunens", "*");
    /** "1 rader", "1 kommuner": a count of one with a plural. */
    private static final Pattern ONE_WITH_A_PLURAL = Pattern.compile("(?<![\\d,])1 (rader|kommuner|år med|tall|indikatorer)\\b");

    private Services services;
    private Catalog catalog;
    private final Map<String, FilledWorkbook> filled = new HashMap<>();

    @BeforeAll
    void fillEveryTemplate() {
        services = SeededServices.open();
        catalog = services.catalogs().current();
        // the templates the seeds have figures for (FillableTemplates): the new areas are filled by the StatBank update
        for (ReportTemplate template : FillableTemplates.of(services, "3201", 2024)) {
            filled.put(template.id(), new FilledWorkbook(services.reports().fill(template.id(), "3201", 2024).xlsx()));
        }
    }

    @AfterAll
    void close() throws java.io.IOException {
        for (FilledWorkbook workbook : filled.values()) {
            workbook.close();
        }
        services.close();
    }

    @Test
    void everyNumberInEveryRowsSentencesIsOneItsTableShows() {
        int rows = 0;
        int numbers = 0;
        for (Map.Entry<String, FilledWorkbook> workbook : filled.entrySet()) {
            for (TableRow row : narrativeRows(workbook.getValue())) {
                rows++;
                Set<BigDecimal> shown = row.shownNumbers();
                for (BigDecimal told : toldNumbers(row)) {
                    numbers++;
                    assertThat(shown).as(workbook.getKey() + " " + row.table() + " " + row.key() + ": «" + row.narrative()
                            + "» tells " + told + "; the row shows " + row.shownTexts()).contains(told);
                }
            }
        }
        // 17 Kommunehelse rows, 21 Pleie og omsorg rows, and all 38 again in the summary
        assertThat(rows).isEqualTo(76);
        assertThat(numbers).isGreaterThan(150);
    }

    @Test
    void noSentenceSplicesASourcesRawNameOrCountsOneWithAPlural() {
        for (FilledWorkbook workbook : filled.values()) {
            for (TableRow row : narrativeRows(workbook)) {
                for (String splice : SPLICES) {
                    assertThat(row.narrative()).as(row.key()).doesNotContain(splice);
                }
                assertThat(row.narrative()).as(row.key()).doesNotContainPattern(ONE_WITH_A_PLURAL);
                assertThat(row.narrative()).as(row.key()).doesNotContainPattern("ressursbruksindikator for");
            }
        }
    }

    @Test
    void everyIndicatorAProfileLayoutNamesReadsAsProseInASentence() {
        Set<String> checked = new HashSet<>();
        for (ProfileDefinition profile : catalog.profiles()) {
            for (int year : catalog.layouts().starts(profile.code())) {
                for (var row : catalog.profileRows(profile.code(), year)) {
                    Indicator indicator = row.indicator();
                    String subject = Wording.subject(indicator);
                    for (String splice : SPLICES) {
                        assertThat(subject).as(indicator.id() + ": give it a short_name in indicators.csv").doesNotContain(splice);
                    }
                    assertThat(startsWithACapitalisedWord(subject)).as(indicator.id() + ": «" + subject + "»").isFalse();
                    checked.add(indicator.id());
                }
            }
        }
        // every indicator a profile's rows name, of every area of the catalogue (38 of Kommunehelse and Pleie og omsorg)
        assertThat(checked).containsExactlyInAnyOrderElementsOf(catalog.profileEntries().stream()
                .map(no.kostra.catalog.ProfileEntry::indicator).distinct().toList());
        assertThat(checked).contains("KHT.ressursbruksindikator", "PLO.ressursbruksindikator", "GRS.andel_spesialundervisning");
    }

    @Test
    void theEfficiencyNoteTellsTheNumbersOfTheEfficiencyTableAndShowsTheYearItCountsFrom() {
        for (String id : List.of("kommunehelse", "pleie-og-omsorg")) {
            FilledWorkbook workbook = filled.get(id);
            XSSFTable table = workbook.workbook().getSheet("Effektivitet").getTables().get(0);
            List<List<BigDecimal>> years = new ArrayList<>();
            XSSFSheet sheet = table.getXSSFSheet();
            for (int r = table.getStartRowIndex() + 1; r <= table.getEndRowIndex(); r++) {
                List<BigDecimal> shown = new ArrayList<>();
                for (int c = table.getStartColIndex() + 1; c <= table.getEndColIndex(); c++) {
                    XSSFCell cell = sheet.getRow(r).getCell(c);
                    shown.add(parse(NORWEGIAN.formatRawCellContents(cell.getNumericCellValue(),
                            cell.getCellStyle().getDataFormat(), cell.getCellStyle().getDataFormatString())));
                }
                years.add(shown);
            }
            Set<BigDecimal> allowed = new HashSet<>();
            years.forEach(y -> y.forEach(v -> allowed.add(v.abs())));
            for (int i = 1; i < years.size(); i++) {
                for (int c = 0; c < years.get(i).size(); c++) {
                    // a change in percentage points, as the difference of two shown years, to one decimal
                    allowed.add(years.get(i).get(c).subtract(years.get(i - 1).get(c)).abs()
                            .setScale(no.kostra.compute.TablePrecision.DERIVED, java.math.RoundingMode.HALF_UP).stripTrailingZeros());
                }
            }
            allowed.add(BigDecimal.ONE);
            var noteAt = new org.apache.poi.ss.util.AreaReference(workbook.workbook().getName(
                    new TemplatePart.Efficiency(id.equals("kommunehelse") ? "KHT" : "PLO").noteName()).getRefersToFormula(),
                    org.apache.poi.ss.SpreadsheetVersion.EXCEL2007).getFirstCell();
            String note = sheet.getRow(noteAt.getRow()).getCell(noteAt.getCol()).getStringCellValue();

            // then the table holds 2023, which the note counts the changes from, and every number is the table's
            assertThat(table.getEndRowIndex() - table.getStartRowIndex()).as(id).isEqualTo(2);
            assertThat(note).as(id).contains("fra 2023");
            Matcher m = NUMBER.matcher(YEAR.matcher(note).replaceAll(""));
            while (m.find()) {
                assertThat(allowed).as(id + ": «" + note + "» tells " + m.group()).contains(parse(m.group()).abs());
            }
        }
    }

    /** The numbers the sentences tell, their subject (which may hold "1 000 innbyggere") and years left out. */
    private List<BigDecimal> toldNumbers(TableRow row) {
        String text = row.narrative().replace(Wording.subject(catalog.requireIndicator(row.key())), "");
        text = YEAR.matcher(text).replaceAll("");
        List<BigDecimal> told = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            told.add(parse(m.group()).abs());
        }
        return told;
    }

    private static List<TableRow> narrativeRows(FilledWorkbook workbook) {
        List<TableRow> rows = new ArrayList<>();
        for (var each : workbook.workbook()) {
            XSSFSheet sheet = (XSSFSheet) each;
            for (XSSFTable table : sheet.getTables()) {
                Map<String, Integer> columns = new HashMap<>();
                XSSFRow header = sheet.getRow(table.getStartRowIndex());
                for (int c = table.getStartColIndex(); c <= table.getEndColIndex(); c++) {
                    columns.put(header.getCell(c).getStringCellValue(), c);
                }
                if (!columns.containsKey(ProfileColumn.NARRATIVE.header())) {
                    continue;
                }
                for (int r = table.getStartRowIndex() + 1; r <= table.getEndRowIndex(); r++) {
                    rows.add(new TableRow(table.getName(), sheet.getRow(r), columns));
                }
            }
        }
        return rows;
    }

    /** A table row as a reader sees it. */
    private record TableRow(String table, XSSFRow row, Map<String, Integer> columns) {
        String key() {
            return text(ProfileColumn.ID);
        }

        String narrative() {
            return text(ProfileColumn.NARRATIVE);
        }

        /** Every number cell as shown, their absolute values, and the gap between the report year and the mean. */
        Set<BigDecimal> shownNumbers() {
            Set<BigDecimal> shown = new HashSet<>();
            shownTexts().values().forEach(t -> NUMBER.matcher(t).results().forEach(m -> shown.add(parse(m.group()).abs())));
            BigDecimal value = number(ProfileColumn.REPORT_YEAR);
            BigDecimal mean = number(ProfileColumn.MEAN);
            if (value != null && mean != null) {
                shown.add(value.subtract(mean).abs().stripTrailingZeros());
            }
            return shown;
        }

        Map<String, String> shownTexts() {
            Map<String, String> texts = new HashMap<>();
            columns.forEach((header, c) -> {
                XSSFCell cell = row.getCell(c);
                if (cell != null && (cell.getCellType() == CellType.NUMERIC
                        || cell.getCellType() == CellType.FORMULA && cell.getCachedFormulaResultType() == CellType.NUMERIC)) {
                    texts.put(header, NORWEGIAN.formatRawCellContents(cell.getNumericCellValue(),
                            cell.getCellStyle().getDataFormat(), cell.getCellStyle().getDataFormatString()));
                }
            });
            return texts;
        }

        private BigDecimal number(ProfileColumn column) {
            String year = column == ProfileColumn.REPORT_YEAR ? "2024" : column.header();
            String shown = shownTexts().get(year);
            return shown == null ? null : parse(shown);
        }

        private String text(ProfileColumn column) {
            return row.getCell(columns.get(column.header())).getStringCellValue();
        }
    }

    private static BigDecimal parse(String norwegian) {
        return new BigDecimal(norwegian.replaceAll("[\\u00a0\\u202f ]", "").replace(',', '.').replace('\u2212', '-'))
                .stripTrailingZeros();
    }

    /** "Andel …" would read as a new sentence; "KOSTRA-gruppe …", an abbreviation, stays. */
    private static boolean startsWithACapitalisedWord(String subject) {
        return subject.length() > 1 && Character.isUpperCase(subject.charAt(0)) && Character.isLowerCase(subject.charAt(1));
    }
}
