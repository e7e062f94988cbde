package no.kostra.workbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import javax.xml.namespace.QName;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFGraphicFrame;
import org.apache.poi.xssf.usermodel.XSSFName;
import org.apache.poi.xssf.usermodel.XSSFShape;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.xmlbeans.XmlCursor;

/**
 * A template opened for filling. Opening checks that the file is an xlsx and that every table, defined name and chart
 * the template's parts need is there, so a broken template is refused before anything is written. Not thread-safe:
 * one instance per fill.
 */
public final class TemplateWorkbook implements AutoCloseable {
    private static final QName RELATIONSHIP_ID =
            new QName("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "id");

    private final ReportTemplate template;
    private final XSSFWorkbook workbook;
    private final String sha256;
    private java.util.Map<String, XSSFChart> chartsByName;

    private TemplateWorkbook(ReportTemplate template, XSSFWorkbook workbook, String sha256) {
        this.template = template;
        this.workbook = workbook;
        this.sha256 = sha256;
    }

    public static TemplateWorkbook open(ReportTemplate template, byte[] xlsx) {
        XSSFWorkbook workbook;
        try {
            workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx));
        } catch (POIXMLException | IOException | IllegalArgumentException e) {
            // NotOfficeXmlFileException (a zip that is not OOXML, an old .xls, an .ods) is an IllegalArgumentException.
            throw new TemplateException("Rapportmalen '" + template.id() + "' (" + template.fileName()
                    + ") er ikke en gyldig xlsx-fil: " + e.getMessage(), e);
        }
        TemplateWorkbook opened = new TemplateWorkbook(template, workbook, sha256(xlsx));
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
                requireChart(profile.chart());
            } else if (part instanceof TemplatePart.Efficiency efficiency) {
                requireName(efficiency.noteName());
                requireChart(efficiency.chart());
            } else if (part instanceof TemplatePart.Summary summary) {
                requireChart(summary.chart());
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

    public XSSFChart requireChart(String name) {
        return findChart(name).orElseThrow(() -> missing("diagrammet '" + name + "'"));
    }

    /** The chart whose drawing frame has this name (Excel: Selection Pane; the name an analyst sees). */
    public Optional<XSSFChart> findChart(String name) {
        return Optional.ofNullable(charts().get(name.toLowerCase(java.util.Locale.ROOT)));
    }

    /** The names (lower case) of the charts whose name starts with this prefix. */
    public java.util.List<String> chartNamesStartingWith(String prefix) {
        String wanted = prefix.toLowerCase(java.util.Locale.ROOT);
        return charts().keySet().stream().filter(n -> n.startsWith(wanted)).sorted().toList();
    }

    /** Charts by lower-case frame name, indexed on first use (the drawing is walked once per fill). */
    private java.util.Map<String, XSSFChart> charts() {
        if (chartsByName == null) {
            chartsByName = indexCharts();
        }
        return chartsByName;
    }

    private java.util.Map<String, XSSFChart> indexCharts() {
        java.util.Map<String, XSSFChart> charts = new java.util.HashMap<>();
        for (org.apache.poi.ss.usermodel.Sheet each : workbook) {
            XSSFDrawing drawing = ((XSSFSheet) each).getDrawingPatriarch();
            if (drawing == null) {
                continue;
            }
            java.util.Map<String, XSSFChart> byRelation = new java.util.HashMap<>();
            for (XSSFChart chart : drawing.getCharts()) {
                byRelation.put(drawing.getRelationId(chart), chart);
            }
            for (XSSFShape shape : drawing.getShapes()) {
                if (shape instanceof XSSFGraphicFrame frame && frame.getName() != null
                        && byRelation.containsKey(chartRelationId(frame))) {
                    charts.putIfAbsent(frame.getName().toLowerCase(java.util.Locale.ROOT), byRelation.get(chartRelationId(frame)));
                }
            }
        }
        return charts;
    }

    private static String chartRelationId(XSSFGraphicFrame frame) {
        try (XmlCursor cursor = frame.getCTGraphicalObjectFrame().getGraphic().getGraphicData().newCursor()) {
            return cursor.toFirstChild() ? cursor.getAttributeText(RELATIONSHIP_ID) : "";
        }
    }

    TemplateException missing(String what) {
        return new TemplateException("Rapportmalen '" + template.id() + "' (" + template.fileName() + ") mangler " + what);
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }
}
