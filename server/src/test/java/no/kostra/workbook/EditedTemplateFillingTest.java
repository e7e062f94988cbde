package no.kostra.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import no.kostra.service.Services;
import no.kostra.support.SeededServices;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Templates as an analyst may leave them after editing in Excel: charts with another prefix for the chart namespace,
 * a series named by a cell, no title; notes in cells beside a table. The filler rewrites the table rows and the
 * series' rows and caches (and a note in a chart title), and keeps everything else.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EditedTemplateFillingTest {
    private ReportTemplate kommunehelse;
    private byte[] designed;
    /** The profile chart (Graf_Profil_KHT) and the first series chart (Graf_KHT.serie_netto_per_innbygger). */
    private static final String PROFILE_CHART = "xl/charts/chart1.xml";
    private static final String SERIES_CHART = "xl/charts/chart2.xml";

    private Services services;
    private ReportData data;
    private ReportFiller filler;

    @BeforeAll
    void gather() {
        services = SeededServices.open();
        kommunehelse = services.reports().templates().require("kommunehelse");
        designed = services.reports().templateFile(kommunehelse);
        data = services.reports().gather(kommunehelse, "3201", 2024);
        filler = new ReportFiller(new SigningKeys(services.database(), SeededServices.CLOCK).current());
    }

    @AfterAll
    void close() {
        services.close();
    }

    @Test
    void aChartWithAnotherPrefixAndASeriesNamedByACellIsRetargetedAndKeepsTheRest() throws IOException {
        // given the profile chart as Excel might write it: prefix "cx", the "Høyest ASSS" series named by a cell
        byte[] template = editEntry(PROFILE_CHART, xml -> xml.replace("c:", "cx:").replace("xmlns:c=", "xmlns:cx=")
                .replace("<cx:tx><cx:v>Høyest ASSS</cx:v></cx:tx>",
                        "<cx:tx><cx:strRef><cx:f>Profil!$P$42</cx:f><cx:strCache><cx:ptCount val=\"1\"/><cx:pt idx=\"0\">"
                                + "<cx:v>Høyest ASSS (ASSS = 100)</cx:v></cx:pt></cx:strCache></cx:strRef></cx:tx>"));

        // when
        try (FilledWorkbook filled = new FilledWorkbook(fill(template, data))) {
            XSSFChart chart = filled.chart("Graf_Profil_KHT");
            XDDFChartData.Series municipality = chart.getChartSeries().get(0).getSeries(0);
            XDDFChartData.Series highest = chart.getChartSeries().get(0).getSeries(1);

            // then the series point at the 17 filled rows, cache the filled figures, and keep their own names
            assertThat(municipality.getValuesData().getDataRangeReference()).isEqualTo("Profil!$O$43:$O$59");
            assertThat(municipality.getValuesData().getPointCount()).isEqualTo(17);
            assertThat(municipality.getValuesData().getPointAt(0)).isEqualTo(97.2); // 0.972 / 1.000 × 100
            assertThat(municipality.getCategoryData().getPointAt(0)).isEqualTo("Ressursbruksindikator. Kommunehelse*");
            var bars = chart.getCTChart().getPlotArea().getBarChartArray(0);
            assertThat(bars.getSerArray(0).getTx().getV()).isEqualTo("Bærum"); // the index series is named by region
            assertThat(highest.getValuesData().getDataRangeReference()).isEqualTo("Profil!$P$43:$P$59");
            assertThat(bars.getSerArray(1).getTx().getStrRef().getF()).isEqualTo("Profil!$P$42");
            assertThat(bars.getSerArray(1).getTx().getStrRef().getStrCache().getPtArray(0).getV()).isEqualTo("Høyest ASSS (ASSS = 100)");
            assertThat(chart.getTitleText().getString()).isEqualTo("Tjenesteprofil for Kommunehelse (ASSS-snitt = 100)");
            assertThat(chart.getCTChartSpace().toString()).contains("srgbClr val=\"005B7F\"", "orientation val=\"maxMin\"");
        }
    }

    @Test
    void aSeriesChartWithoutATitleAndWithoutFiguresGetsTheNoteAsItsTitle() throws IOException {
        // given a series chart whose title the analyst deleted, and no stored figures for its indicator
        byte[] template = editEntry(SERIES_CHART, xml -> xml.replaceAll("<c:title>.*?</c:title>", ""));
        String dropped = "KHT.serie_netto_per_innbygger";
        ReportData without = data.withSeries("KHT", data.series().get("KHT").stream().filter(r -> !r.indicator().equals(dropped)).toList());

        // when
        try (FilledWorkbook filled = new FilledWorkbook(fill(template, without))) {
            // then
            assertThat(filled.chart("Graf_" + dropped).getTitleText().getString()).isEqualTo("ingen tall for 2021–2024");
        }
    }

    @Test
    void aSeriesOutsideItsTableIsNamedWhenFilling() {
        byte[] template = editEntry(PROFILE_CHART, xml -> xml.replace("Profil!$O$43", "Seriedata!$O$43"));

        assertThatThrownBy(() -> fill(template, data))
                .isInstanceOf(TemplateException.class)
                .hasMessage("Rapportmalen 'kommunehelse' (kommunehelse.xlsx) mangler en dataserie i diagrammet "
                        + "'Graf_Profil_KHT' som peker på én kolonne i tabellen 'Profil_KHT' (fant 'Seriedata!$O$43')");
    }

    @Test
    void cellsBesideATableAreKeptInTheRowsTheFillerWrites() throws IOException {
        // given notes to the right of the profile table: in its one template row, and in a row the fill will reach
        byte[] template = editWorkbook(workbook -> {
            XSSFTable table = workbook.getSheet("Profil").getTables().get(0);
            int beside = table.getEndColIndex() + 2;
            workbook.getSheet("Profil").getRow(table.getStartRowIndex() + 1).createCell(beside).setCellValue("Merknad");
            workbook.getSheet("Profil").createRow(table.getStartRowIndex() + 5).createCell(beside).setCellValue(42.5);
        });

        // when
        try (FilledWorkbook filled = new FilledWorkbook(fill(template, data))) {
            XSSFTable table = filled.table("Profil_KHT");
            var sheet = table.getXSSFSheet();
            int beside = table.getEndColIndex() + 2;

            // then the notes are where they were, and the table holds its 17 rows around them
            assertThat(sheet.getRow(table.getStartRowIndex() + 1).getCell(beside).getStringCellValue()).isEqualTo("Merknad");
            assertThat(sheet.getRow(table.getStartRowIndex() + 5).getCell(beside).getNumericCellValue()).isEqualTo(42.5);
            assertThat(filled.dataRows("Profil_KHT")).isEqualTo(17);
            assertThat(filled.column("Profil_KHT", "Id").get(4)).isEqualTo(data.profiles().get("KHT").rows().get(4).indicator());
        }
    }

    private byte[] fill(byte[] template, ReportData data) {
        try (TemplateWorkbook workbook = TemplateWorkbook.open(kommunehelse, template)) {
            return filler.fill(workbook, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] editWorkbook(Consumer<XSSFWorkbook> change) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(designed));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            change.accept(workbook);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The packaged template with one part's XML changed, as an edit in Excel would leave it. */
    private byte[] editEntry(String name, UnaryOperator<String> change) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(designed));
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            boolean found = false;
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (entry.getName().equals(name)) {
                    String edited = change.apply(new String(content, StandardCharsets.UTF_8));
                    assertThat(edited).as("the edit changes " + name).isNotEqualTo(new String(content, StandardCharsets.UTF_8));
                    content = edited.getBytes(StandardCharsets.UTF_8);
                    found = true;
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(content);
                out.closeEntry();
            }
            assertThat(found).as(name + " is in the template").isTrue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
