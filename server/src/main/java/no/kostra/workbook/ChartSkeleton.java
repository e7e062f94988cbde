package no.kostra.workbook;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import javax.xml.stream.XMLEventFactory;
import javax.xml.stream.XMLEventReader;
import javax.xml.stream.XMLEventWriter;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.events.StartElement;
import javax.xml.stream.events.XMLEvent;

/**
 * A template chart part split, once per template, into the XML that every fill copies as it is and the holes a fill
 * writes: each series' title, category cache, value cache and data labels, the value axis's range, and the chart
 * title's note. Reading the chart is then a template's cost, not a fill's. A hole is marked by a processing
 * instruction while the part is copied, and the copy is cut there, so the text between holes is the writer's own
 * well-formed output.
 */
record ChartSkeleton(List<String> literals, List<Hole> holes) {
    static final String A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";
    private static final String MARK = "kostra-hole";
    /** A series' children that follow its data labels, in schema order: labels a template lacks go before the first. */
    private static final List<String> AFTER_LABELS = List.of("trendline", "errBars", "cat", "val", "xVal", "yVal", "shape",
            "smooth", "bubbleSize", "bubble3D", "extLst");

    ChartSkeleton {
        literals = List.copyOf(literals);
        holes = List.copyOf(holes);
    }

    /** A place a fill writes. {@code prefix} is the chart namespace's prefix where the hole is. */
    sealed interface Hole {
    }

    /** A series' {@code tx}: the template's (possibly none) unless the fill names the series. */
    record SeriesTitle(String prefix, int valueColumn, String template) implements Hole {
    }

    /** The content of a series' {@code cat}/{@code xVal}: reference and string cache. */
    record Categories(String prefix, int column) implements Hole {
    }

    /** The content of a series' {@code val}/{@code yVal}: reference and number cache. */
    record Values(String prefix, int column) implements Hole {
    }

    /**
     * A series' data labels ({@code dLbls}): the template's (possibly none), to which a fill may add a label for a
     * point it marks.
     */
    record SeriesLabels(String prefix, int valueColumn, String template) implements Hole {
    }

    /**
     * A value axis's {@code scaling} without a fixed minimum or maximum: {@code children} are the template's
     * (orientation, a log base), {@code extension} its {@code extLst}; a fill may set the range. A scaling the template
     * fixes is the analyst's and copied as it is, no hole.
     */
    record AxisScaling(String prefix, String children, String extension) implements Hole {
    }

    /**
     * The chart title's note. {@code append}: the title has a text run, and the note follows its last run's text
     * (the template's part is kept as it is). Otherwise the note replaces {@code template} (a title without text, or
     * none) with a title of its own.
     */
    record TitleNote(String prefix, boolean append, String template) implements Hole {
    }

    /**
     * Reads a template chart. {@code column} turns a series' cell reference into its table column, refusing a
     * reference outside the table.
     */
    static ChartSkeleton read(byte[] xml, ToIntFunction<String> column) throws XMLStreamException {
        return new Reader(column).read(xml);
    }

    private static final class Reader {
        private final ToIntFunction<String> column;
        private final XMLEventFactory events = XMLEventFactory.newDefaultFactory();
        private final StringWriter text = new StringWriter(8 * 1024);
        private final List<Hole> holes = new ArrayList<>();
        private XMLEventWriter out;

        Reader(ToIntFunction<String> column) {
            this.column = column;
        }

        ChartSkeleton read(byte[] xml) throws XMLStreamException {
            XMLEventReader in = PartXml.events(xml);
            out = PartXml.writer(text);
            boolean inValueAxis = false;
            while (in.hasNext()) {
                XMLEvent event = in.nextEvent();
                if (isChart(event, "ser")) {
                    series(subtree(event, in));
                    continue;
                }
                if (inValueAxis && isChart(event, "scaling")) {
                    scaling(subtree(event, in));
                    continue;
                }
                inValueAxis = isChart(event, "valAx") || inValueAxis && !isChartEnd(event, "valAx");
                out.add(event);
                if (isChart(event, "chart")) {
                    title(event.asStartElement(), in);
                }
            }
            out.close();
            in.close();
            return new ChartSkeleton(List.of(text.toString().split("<\\?" + MARK + " \\d+\\?>", -1)), holes);
        }

        private void hole(Hole hole) throws XMLStreamException {
            out.add(events.createProcessingInstruction(MARK, Integer.toString(holes.size())));
            holes.add(hole);
        }

        private void series(List<XMLEvent> ser) throws XMLStreamException {
            String prefix = ser.get(0).asStartElement().getName().getPrefix();
            List<int[]> children = children(ser);
            int valueColumn = column.applyAsInt(reference(ser, children, "val", "yVal"));
            int categoryColumn = column.applyAsInt(reference(ser, children, "cat", "xVal"));
            boolean hasTitle = children.stream().anyMatch(c -> localName(ser, c).equals("tx"));
            boolean hasLabels = children.stream().anyMatch(c -> localName(ser, c).equals("dLbls"));
            boolean labelsPlaced = hasLabels;
            out.add(ser.get(0));
            for (int[] child : children) {
                String name = localName(ser, child);
                if (!labelsPlaced && AFTER_LABELS.contains(name)) {
                    hole(new SeriesLabels(prefix, valueColumn, ""));
                    labelsPlaced = true;
                }
                if (name.equals("dLbls")) {
                    hole(new SeriesLabels(prefix, valueColumn, fragment(ser.subList(child[0], child[1] + 1))));
                } else if (name.equals("tx")) {
                    hole(new SeriesTitle(prefix, valueColumn, fragment(ser.subList(child[0], child[1] + 1))));
                } else if (name.equals("cat") || name.equals("xVal")) {
                    out.add(ser.get(child[0]));
                    hole(new Categories(prefix, categoryColumn));
                    out.add(ser.get(child[1]));
                } else if (name.equals("val") || name.equals("yVal")) {
                    out.add(ser.get(child[0]));
                    hole(new Values(prefix, valueColumn));
                    out.add(ser.get(child[1]));
                } else {
                    for (int i = child[0]; i <= child[1]; i++) {
                        out.add(ser.get(i));
                    }
                }
                if (name.equals("order") && !hasTitle) {
                    hole(new SeriesTitle(prefix, valueColumn, ""));
                }
            }
            out.add(ser.get(ser.size() - 1));
        }

        /** A value axis's scaling: a hole unless the template fixes its minimum or maximum. */
        private void scaling(List<XMLEvent> scaling) throws XMLStreamException {
            String prefix = scaling.get(0).asStartElement().getName().getPrefix();
            List<int[]> children = children(scaling);
            if (children.stream().anyMatch(c -> List.of("min", "max").contains(localName(scaling, c)))) {
                for (XMLEvent event : scaling) {
                    out.add(event);
                }
                return;
            }
            List<XMLEvent> kept = new ArrayList<>();
            List<XMLEvent> extension = new ArrayList<>();
            for (int[] child : children) {
                (localName(scaling, child).equals("extLst") ? extension : kept).addAll(scaling.subList(child[0], child[1] + 1));
            }
            hole(new AxisScaling(prefix, fragment(kept), fragment(extension)));
        }

        /** The chart title (the first child of {@code c:chart} when there is one) and the hole for its note. */
        private void title(StartElement chart, XMLEventReader in) throws XMLStreamException {
            while (in.peek() != null && in.peek().isCharacters()) {
                out.add(in.nextEvent());
            }
            String prefix = chart.getName().getPrefix();
            List<XMLEvent> title = isChart(in.peek(), "title") ? subtree(in.nextEvent(), in) : List.of();
            int lastText = -1;
            for (int i = 0; i < title.size(); i++) {
                if (title.get(i).isStartElement() && title.get(i).asStartElement().getName().getLocalPart().equals("t")
                        && A_NS.equals(title.get(i).asStartElement().getName().getNamespaceURI())) {
                    lastText = i;
                }
            }
            if (lastText < 0) {
                hole(new TitleNote(prefix, false, fragment(title)));
                return;
            }
            for (int i = 0; i < title.size(); i++) {
                out.add(title.get(i));
                if (i == lastText) {
                    while (title.get(i + 1).isCharacters()) {
                        out.add(title.get(++i));
                    }
                    hole(new TitleNote(prefix, true, ""));
                }
            }
        }

        /** Elements as text on their own; their prefixes are declared on the part's root, where they are put back. */
        private static String fragment(List<XMLEvent> elements) throws XMLStreamException {
            StringWriter fragment = new StringWriter();
            XMLEventWriter writer = PartXml.writer(fragment);
            for (XMLEvent event : elements) {
                writer.add(event);
            }
            writer.close();
            return fragment.toString();
        }
    }

    /** The events of an element, from its start (given) to its end, inclusive. */
    private static List<XMLEvent> subtree(XMLEvent start, XMLEventReader in) throws XMLStreamException {
        List<XMLEvent> events = new ArrayList<>();
        events.add(start);
        int depth = 1;
        while (depth > 0) {
            XMLEvent event = in.nextEvent();
            depth += event.isStartElement() ? 1 : event.isEndElement() ? -1 : 0;
            events.add(event);
        }
        return events;
    }

    /** [start, end] indexes of the direct children of the element whose events these are (text between them dropped). */
    private static List<int[]> children(List<XMLEvent> element) {
        List<int[]> children = new ArrayList<>();
        int depth = 0;
        int start = -1;
        for (int i = 1; i < element.size() - 1; i++) {
            XMLEvent event = element.get(i);
            if (event.isStartElement() && depth++ == 0) {
                start = i;
            } else if (event.isEndElement() && --depth == 0) {
                children.add(new int[] {start, i});
            }
        }
        return children;
    }

    private static String localName(List<XMLEvent> element, int[] child) {
        return element.get(child[0]).asStartElement().getName().getLocalPart();
    }

    /** The text of the first {@code f} (the cell reference) under the child of one of these names, or "". */
    private static String reference(List<XMLEvent> ser, List<int[]> children, String... names) {
        for (int[] child : children) {
            if (List.of(names).contains(localName(ser, child))) {
                for (int i = child[0]; i < child[1]; i++) {
                    if (isChart(ser.get(i), "f") && ser.get(i + 1).isCharacters()) {
                        return ser.get(i + 1).asCharacters().getData().trim();
                    }
                }
            }
        }
        return "";
    }

    private static boolean isChartEnd(XMLEvent event, String localName) {
        return event.isEndElement() && event.asEndElement().getName().getLocalPart().equals(localName)
                && TemplateCharts.CHART_NS.equals(event.asEndElement().getName().getNamespaceURI());
    }

    private static boolean isChart(XMLEvent event, String localName) {
        return event != null && event.isStartElement()
                && event.asStartElement().getName().getLocalPart().equals(localName)
                && TemplateCharts.CHART_NS.equals(event.asStartElement().getName().getNamespaceURI());
    }
}
