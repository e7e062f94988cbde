package no.kostra.workbook;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import javax.xml.stream.XMLStreamException;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;

/**
 * Moves a chart's series onto filled table rows. Each series keeps the table column it pointed at in the template (so
 * an analyst may add, remove or reorder series in Excel); only its rows change. The series caches are refilled from
 * the filled cells, so viewers that do not recalculate draw the right bars. A chart on the index scale also gets its
 * value axis's range from the filled figures ({@link IndexAxis}) and a label on each value off that scale, unless the
 * template fixes the range. Everything else in the part (colours, axes, an analyst's formatting) is the template's,
 * copied from its {@link ChartSkeleton}, which is read once per template version.
 */
final class ChartRetargeter {
    /** A label on a value off the index scale: the value as the table shows it, and that it is off the scale. */
    static final String OFF_SCALE_FORMAT = NorwegianFormats.tagged("#,##0.0\" (utenfor skala)\"");
    /** What a data label shows, in schema order. */
    private static final List<String> SHOW = List.of("showLegendKey", "showVal", "showCatName",
            "showSerName", "showPercent", "showBubbleSize");
    /** By template checksum and part name: a changed template is a new key. */
    private static final Cache<String, ChartSkeleton> SKELETONS = Caffeine.newBuilder().maximumSize(1_000).build();

    private final TemplateCharts.Chart chart;
    private final TableLayout table;
    private final int firstRow;
    private final int lastRow;
    private final IntFunction<Optional<String>> seriesTitle;
    private final StringBuilder xml = new StringBuilder(16 * 1024);
    /** The index scale's range, for a chart drawn on it; else empty and the axis is the template's. */
    private Optional<IndexAxis> indexAxis = Optional.empty();

    private ChartRetargeter(TemplateCharts.Chart chart, TableLayout table, int firstRow, int lastRow,
                            IntFunction<Optional<String>> seriesTitle) {
        this.chart = chart;
        this.table = table;
        this.firstRow = firstRow;
        this.lastRow = lastRow;
        this.seriesTitle = seriesTitle;
    }

    /**
     * @param firstRow    first sheet row (0-based) of the data the chart shows
     * @param lastRow     last sheet row, inclusive
     * @param seriesTitle a series title for a value column, or empty to keep the template's
     */
    static void retarget(TemplateCharts.Chart chart, TableLayout table, int firstRow, int lastRow,
                         IntFunction<Optional<String>> seriesTitle) {
        new ChartRetargeter(chart, table, firstRow, lastRow, seriesTitle).rewrite(Optional.empty());
    }

    /**
     * As {@link #retarget}, for a chart on the index scale (ASSS mean = 100): the value axis runs over the useful part
     * of the filled figures, and a figure off it is labelled with its value and "utenfor skala".
     */
    static void retargetOnIndexScale(TemplateCharts.Chart chart, TableLayout table, int firstRow, int lastRow,
                                     IntFunction<Optional<String>> seriesTitle) {
        ChartRetargeter retargeter = new ChartRetargeter(chart, table, firstRow, lastRow, seriesTitle);
        retargeter.indexAxis = Optional.of(IndexAxis.of(retargeter.plotted(retargeter.skeleton())));
        retargeter.rewrite(Optional.empty());
    }

    /** As {@link #retarget}, and the chart's title gets " – {@code note}" (or becomes the note when it has no text). */
    static void retargetWithNote(TemplateCharts.Chart chart, TableLayout table, int firstRow, int lastRow,
                                 IntFunction<Optional<String>> seriesTitle, String note) {
        new ChartRetargeter(chart, table, firstRow, lastRow, seriesTitle).rewrite(Optional.of(note));
    }

    private void rewrite(Optional<String> note) {
        ChartSkeleton skeleton = skeleton();
        for (int i = 0; i < skeleton.holes().size(); i++) {
            xml.append(skeleton.literals().get(i));
            hole(skeleton.holes().get(i), note);
        }
        xml.append(skeleton.literals().get(skeleton.holes().size()));
        chart.replace(xml.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void hole(ChartSkeleton.Hole hole, Optional<String> note) {
        if (hole instanceof ChartSkeleton.SeriesTitle t) {
            Optional<String> title = seriesTitle.apply(t.valueColumn());
            if (title.isPresent()) {
                element(t.prefix(), "tx", () -> text(t.prefix(), "v", title.get()));
            } else {
                xml.append(t.template());
            }
        } else if (hole instanceof ChartSkeleton.Categories c) {
            categories(c.prefix(), c.column());
        } else if (hole instanceof ChartSkeleton.Values v) {
            values(v.prefix(), v.column());
        } else if (hole instanceof ChartSkeleton.AxisScaling a) {
            scaling(a);
        } else if (hole instanceof ChartSkeleton.SeriesLabels l) {
            labels(l);
        } else if (hole instanceof ChartSkeleton.TitleNote t) {
            if (note.isEmpty()) {
                xml.append(t.template());
            } else if (t.append()) {
                PartXml.escape(xml, " – " + note.get());
            } else {
                title(t.prefix(), note.get());
            }
        }
    }

    private ChartSkeleton skeleton() {
        return SKELETONS.get(table.template().sha256() + chart.partName().getName(), key -> read());
    }

    private ChartSkeleton read() {
        try {
            return ChartSkeleton.read(chart.xml(), this::column);
        } catch (XMLStreamException e) {
            throw table.template().missing("et lesbart diagram '" + chart.frameName() + "' (" + e.getMessage() + ")");
        }
    }

    /** The figures the chart's series plot. */
    private List<Double> plotted(ChartSkeleton skeleton) {
        List<Double> values = new ArrayList<>();
        for (ChartSkeleton.Hole hole : skeleton.holes()) {
            if (hole instanceof ChartSkeleton.Values v) {
                for (int r = firstRow; r <= lastRow; r++) {
                    Double value = table.number(r, v.column());
                    if (value != null) {
                        values.add(value);
                    }
                }
            }
        }
        return values;
    }

    /** The template's scaling, with the index scale's range when the chart is drawn on it. */
    private void scaling(ChartSkeleton.AxisScaling a) {
        element(a.prefix(), "scaling", () -> {
            xml.append(a.children());
            indexAxis.ifPresent(axis -> {
                xml.append('<').append(tag(a.prefix(), "max")).append(" val=\"").append(axis.max()).append("\"/>");
                xml.append('<').append(tag(a.prefix(), "min")).append(" val=\"").append(axis.min()).append("\"/>");
            });
            xml.append(a.extension());
        });
    }

    /**
     * The template's data labels, and on the index scale one per value off the scale, showing the value (its bar is cut
     * at the chart's edge) and saying so. Placed at the bar's base, which is always in the chart.
     */
    private void labels(ChartSkeleton.SeriesLabels l) {
        List<Integer> offScale = new ArrayList<>();
        indexAxis.ifPresent(axis -> {
            for (int r = firstRow; r <= lastRow; r++) {
                Double value = table.number(r, l.valueColumn());
                if (value != null && axis.offScale(value)) {
                    offScale.add(r - firstRow);
                }
            }
        });
        String prefix = l.prefix();
        if (offScale.isEmpty()) {
            xml.append(l.template());
        } else if (l.template().isEmpty()) {
            element(prefix, "dLbls", () -> {
                offScale.forEach(point -> offScaleLabel(prefix, point));
                SHOW.forEach(show -> flag(prefix, show, false));
            });
        } else {
            int open = l.template().indexOf('>') + 1;
            xml.append(l.template(), 0, open);
            offScale.forEach(point -> offScaleLabel(prefix, point));
            xml.append(l.template(), open, l.template().length());
        }
    }

    private void offScaleLabel(String prefix, int point) {
        element(prefix, "dLbl", () -> {
            xml.append('<').append(tag(prefix, "idx")).append(" val=\"").append(point).append("\"/>");
            xml.append('<').append(tag(prefix, "numFmt")).append(" formatCode=\"");
            PartXml.escape(xml, OFF_SCALE_FORMAT);
            xml.append("\" sourceLinked=\"0\"/>");
            xml.append('<').append(tag(prefix, "dLblPos")).append(" val=\"inBase\"/>");
            SHOW.forEach(show -> flag(prefix, show, show.equals("showVal")));
        });
    }

    private void flag(String prefix, String name, boolean on) {
        xml.append('<').append(tag(prefix, name)).append(" val=\"").append(on ? 1 : 0).append("\"/>");
    }

    private void categories(String prefix, int column) {
        reference(prefix, "strRef", "strCache", column, row -> table.text(row, column));
    }

    private void values(String prefix, int column) {
        // a status symbol or blank is a gap in the bars (no point), not a zero
        reference(prefix, "numRef", "numCache", column, row -> {
            Double value = table.number(row, column);
            return value == null ? null : Double.toString(value);
        });
    }

    /** A cell reference to the column's filled rows and its cache: a point per row, none where {@code point} is null. */
    private void reference(String prefix, String reference, String cache, int column, IntFunction<String> point) {
        element(prefix, reference, () -> {
            text(prefix, "f", table.absoluteRange(column, firstRow, lastRow));
            element(prefix, cache, () -> {
                count(prefix);
                for (int r = firstRow; r <= lastRow; r++) {
                    String value = point.apply(r);
                    if (value != null) {
                        point(prefix, r - firstRow, value);
                    }
                }
            });
        });
    }

    private void count(String prefix) {
        xml.append('<').append(tag(prefix, "ptCount")).append(" val=\"").append(lastRow - firstRow + 1).append("\"/>");
    }

    private void point(String prefix, int index, String value) {
        xml.append('<').append(tag(prefix, "pt")).append(" idx=\"").append(index).append("\">");
        text(prefix, "v", value);
        xml.append("</").append(tag(prefix, "pt")).append('>');
    }

    /** A title of its own for a chart whose template title has no text run (or that has no title). */
    private void title(String prefix, String text) {
        element(prefix, "title", () -> {
            element(prefix, "tx", () -> element(prefix, "rich", () -> {
                xml.append("<a:bodyPr xmlns:a=\"").append(ChartSkeleton.A_NS).append("\"/>");
                xml.append("<a:p xmlns:a=\"").append(ChartSkeleton.A_NS).append("\"><a:r><a:t>");
                PartXml.escape(xml, text);
                xml.append("</a:t></a:r></a:p>");
            }));
            xml.append('<').append(tag(prefix, "overlay")).append(" val=\"0\"/>");
        });
    }

    private void element(String prefix, String name, Runnable content) {
        xml.append('<').append(tag(prefix, name)).append('>');
        content.run();
        xml.append("</").append(tag(prefix, name)).append('>');
    }

    private void text(String prefix, String name, String text) {
        element(prefix, name, () -> PartXml.escape(xml, text));
    }

    private static String tag(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + ':' + name;
    }

    private int column(String range) {
        AreaReference area;
        try {
            area = new AreaReference(range, SpreadsheetVersion.EXCEL2007);
        } catch (IllegalArgumentException e) {
            throw table.template().missing("en gyldig dataserie i diagrammet '" + chart.frameName() + "' (fant '" + range + "')");
        }
        CellReference first = area.getFirstCell();
        boolean sameSheet = first.getSheetName() == null || first.getSheetName().equals(table.sheet().getSheetName());
        if (!sameSheet || !table.contains(first.getCol()) || area.getLastCell().getCol() != first.getCol()) {
            throw table.template().missing("en dataserie i diagrammet '" + chart.frameName() + "' som peker på én kolonne i tabellen '"
                    + table.tableName() + "' (fant '" + range + "')");
        }
        return first.getCol();
    }
}
