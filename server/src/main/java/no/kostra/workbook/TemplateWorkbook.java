package no.kostra.workbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.xssf.usermodel.XSSFName;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A template opened for filling. Opening checks that the file is an xlsx and that every table, defined name and chart
 * the template's parts need is there, so a broken template is refused before anything is written. Not thread-safe:
 * one instance per fill.
 */
public final class TemplateWorkbook implements AutoCloseable {
    private final ReportTemplate template;
    private final XSSFWorkbook workbook;
    private final String sha256;
    private final TemplateCharts charts;
    private final Map<XSSFSheet, FilledRows> filledRows = new LinkedHashMap<>();

    private TemplateWorkbook(ReportTemplate template, XSSFWorkbook workbook, TemplateCharts charts, String sha256) {
        this.template = template;
        this.workbook = workbook;
        this.charts = charts;
        this.sha256 = sha256;
    }

    public static TemplateWorkbook open(ReportTemplate template, byte[] xlsx) {
        String sha256 = sha256(xlsx);
        XSSFWorkbook workbook;
        TemplateCharts charts;
        try {
            OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(xlsx));
            charts = TemplateCharts.detach(pkg, sha256);
            workbook = new XSSFWorkbook(pkg);
            charts.reattach();
        } catch (InvalidFormatException | POIXMLException | IOException | IllegalArgumentException e) {
            // NotOfficeXmlFileException (a zip that is not OOXML, an old .xls, an .ods) is an IllegalArgumentException.
            throw new TemplateException("Rapportmalen '" + template.id() + "' (" + template.fileName()
                    + ") er ikke en gyldig xlsx-fil: " + e.getMessage(), e);
        }
        TemplateWorkbook opened = new TemplateWorkbook(template, workbook, charts, sha256);
        opened.requireParts();
        return opened;
    }

    private void requireParts() {
        requireName(ReportTemplate.TITLE_NAME);
        requireName(ReportTemplate.SOURCE_NAME);
        for (TemplatePart part : template.parts()) {
            requireTable(part.table());
            if (part instanceof TemplatePart.Profile profile) {
                requireName(profile.titleName());
                requireName(profile.noteName());
                requireChart(profile.chart());
            } else if (part instanceof TemplatePart.Efficiency efficiency) {
                requireName(efficiency.noteName());
                requireChart(efficiency.chart());
            } else if (part instanceof TemplatePart.Summary summary) {
                requireChart(summary.chart());
            } else if (part instanceof TemplatePart.Overview overview) {
                requireChart(overview.chart());
            } else if (part instanceof TemplatePart.Barometer barometer) {
                requireName(barometer.textName());
            } else if (part instanceof TemplatePart.BarometerSummary barometer) {
                requireName(barometer.textName());
            }
        }
    }

    public ReportTemplate template() {
        return template;
    }

    /** The template's own version (custom property), or "ukjent" when an edited file lost it. */
    public String version() {
        var property = workbook.getProperties().getCustomProperties().getProperty(TemplateProperties.TEMPLATE_VERSION);
        return property == null || property.getLpwstr() == null ? "ukjent" : property.getLpwstr();
    }

    /** SHA-256 of the template file as opened: tells an edited template apart from the designed one. */
    public String sha256() {
        return sha256;
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    public XSSFWorkbook workbook() {
        return workbook;
    }

    public XSSFTable requireTable(String name) {
        for (org.apache.poi.ss.usermodel.Sheet each : workbook) {
            XSSFSheet sheet = (XSSFSheet) each;
            for (XSSFTable table : sheet.getTables()) {
                if (table.getName().equalsIgnoreCase(name)) {
                    return table;
                }
            }
        }
        throw missing("tabellen '" + name + "'");
    }

    public XSSFName requireName(String name) {
        XSSFName found = workbook.getName(name);
        if (found == null || found.getRefersToFormula() == null) {
            throw missing("navnet '" + name + "'");
        }
        return found;
    }

    /** The chart whose drawing frame has this name (Excel: Selection Pane; the name an analyst sees). */
    TemplateCharts.Chart requireChart(String name) {
        return charts.find(name).orElseThrow(() -> missing("diagrammet '" + name + "'"));
    }

    /** The names (lower case) of the charts whose frame name starts with this prefix. */
    List<String> chartNamesStartingWith(String prefix) {
        return charts.namesStartingWith(prefix);
    }

    /** The filled rows of a sheet (see {@link FilledRows}), shared by the tables on it. */
    FilledRows filledRows(XSSFSheet sheet) {
        return filledRows.computeIfAbsent(sheet, FilledRows::new);
    }

    /** Writes the workbook with its filled rows in place (writing {@link #workbook()} itself would leave them out). */
    public byte[] write() throws IOException {
        Map<String, FilledRows> byPart = new LinkedHashMap<>();
        filledRows.forEach((sheet, rows) -> byPart.put(sheet.getPackagePart().getPartName().getName().substring(1), rows));
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        workbook.write(out);
        return SheetSplicer.splice(out.toByteArray(), byPart);
    }

    TemplateException missing(String what) {
        return new TemplateException("Rapportmalen '" + template.id() + "' (" + template.fileName() + ") mangler " + what);
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }
}
