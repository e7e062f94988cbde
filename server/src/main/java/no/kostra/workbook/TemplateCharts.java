package no.kostra.workbook;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.xssf.usermodel.XSSFRelation;

/**
 * The template's drawings and charts, kept as XML parts of the package: POI never builds its object model for them.
 * Parsing, retargeting and writing fourteen charts through XMLBeans was a third of a fill; the filler only moves series
 * (see {@link ChartRetargeter}), which a streaming rewrite of the part does in a fraction of that. A chart is found by
 * its drawing frame's name (Excel: the Selection Pane), the name an analyst sees.
 */
final class TemplateCharts {
    static final String CHART_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";
    private static final String DRAWING_NS = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
    private static final String RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /** A chart part, by the name of the frame that shows it. */
    record Chart(String frameName, OPCPackage pkg, PackagePartName partName) {
        byte[] xml() {
            try (InputStream in = part().getInputStream()) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("Reading chart '" + frameName + "'", e);
            }
        }

        void replace(byte[] xml) {
            // For a part read from the zip, POI swaps in an in-memory part of the same name, content type and relations.
            try (OutputStream out = part().getOutputStream()) {
                out.write(xml);
            } catch (IOException e) {
                throw new UncheckedIOException("Writing chart '" + frameName + "'", e);
            }
        }

        private PackagePart part() {
            return pkg.getPart(partName);
        }
    }

    /** Frame names and chart relation ids of a drawing, by template checksum and part name. */
    private static final Cache<String, Map<String, String>> FRAMES = Caffeine.newBuilder().maximumSize(1_000).build();

    private record Detached(PackagePart sheet, PackageRelationship drawing) {
    }

    private final List<Detached> detached;
    private final Map<String, Chart> byName;

    private TemplateCharts(List<Detached> detached, Map<String, Chart> byName) {
        this.detached = detached;
        this.byName = byName;
    }

    /**
     * Takes the sheets' drawing relations out of the package, so that a workbook then built on it has no drawings, and
     * indexes the charts. Call {@link #reattach()} once the workbook is built: the relations (same ids, which the sheet
     * XML names) are written with the package, the drawing and chart parts as they are or as replaced.
     */
    static TemplateCharts detach(OPCPackage pkg, String templateSha256) throws InvalidFormatException {
        List<Detached> detached = new ArrayList<>();
        Map<String, Chart> byName = new HashMap<>();
        for (PackagePart sheet : pkg.getPartsByContentType(XSSFRelation.WORKSHEET.getContentType())) {
            for (PackageRelationship drawing : sheet.getRelationshipsByType(XSSFRelation.DRAWINGS.getRelation())) {
                detached.add(new Detached(sheet, drawing));
                PackagePart drawingPart = sheet.getRelatedPart(drawing);
                Map<String, String> frames = FRAMES.get(templateSha256 + drawingPart.getPartName().getName(), k -> frames(drawingPart));
                for (Map.Entry<String, String> frame : frames.entrySet()) {
                    PackageRelationship chart = drawingPart.getRelationship(frame.getValue());
                    if (chart != null && XSSFRelation.CHART.getRelation().equals(chart.getRelationshipType())) {
                        byName.putIfAbsent(frame.getKey().toLowerCase(Locale.ROOT), new Chart(frame.getKey(), pkg,
                                PackagingURIHelper.createPartName(PackagingURIHelper.resolvePartUri(
                                        drawingPart.getPartName().getURI(), chart.getTargetURI()))));
                    }
                }
            }
        }
        for (Detached d : detached) {
            d.sheet().removeRelationship(d.drawing().getId());
        }
        return new TemplateCharts(detached, byName);
    }

    void reattach() {
        for (Detached d : detached) {
            PackageRelationship r = d.drawing();
            d.sheet().addRelationship(r.getTargetURI(), r.getTargetMode(), r.getRelationshipType(), r.getId());
        }
    }

    /** The chart shown in the frame of this name (case-insensitive), if any. */
    Optional<Chart> find(String frameName) {
        return Optional.ofNullable(byName.get(frameName.toLowerCase(Locale.ROOT)));
    }

    /** The names (lower case) of the charts whose frame name starts with this prefix, sorted. */
    List<String> namesStartingWith(String prefix) {
        String wanted = prefix.toLowerCase(Locale.ROOT);
        return byName.keySet().stream().filter(n -> n.startsWith(wanted)).sorted().toList();
    }

    /** Frame name → relation id of the chart it shows, for every chart frame of a drawing. */
    private static Map<String, String> frames(PackagePart drawing) {
        Map<String, String> frames = new LinkedHashMap<>();
        try (InputStream in = drawing.getInputStream()) {
            XMLStreamReader xml = PartXml.reader(in);
            String frameName = null;
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String ns = xml.getNamespaceURI();
                String local = xml.getLocalName();
                if (DRAWING_NS.equals(ns) && local.equals("graphicFrame")) {
                    frameName = null;
                } else if (DRAWING_NS.equals(ns) && local.equals("cNvPr") && frameName == null) {
                    frameName = xml.getAttributeValue(null, "name");
                } else if (CHART_NS.equals(ns) && local.equals("chart") && frameName != null) {
                    String relationId = xml.getAttributeValue(RELATIONSHIPS_NS, "id");
                    if (relationId != null) {
                        frames.putIfAbsent(frameName, relationId);
                    }
                }
            }
            xml.close();
        } catch (IOException | XMLStreamException e) {
            throw new IllegalArgumentException("The drawing " + drawing.getPartName() + " is not readable XML: " + e.getMessage(), e);
        }
        return Collections.unmodifiableMap(frames);
    }
}
