package no.kostra.workbook.roundtrip;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import no.kostra.errors.InvalidInputException;
import no.kostra.ingest.XlsxGuard;

/**
 * The parts of a returned workbook, found as a spreadsheet program finds them: the package's relationships lead to the
 * workbook, the workbook's to its sheets and shared strings, each sheet's to its tables. Relationship types are
 * matched by their last segment, so the transitional and the Strict (ISO) types read alike. Each part is streamed
 * once; every failure to read one becomes the file's refusal, in the user's words.
 */
final class WorkbookParts implements AutoCloseable {
    private final String file;
    private final XlsxGuard.Parts parts;
    private final Xml xml = new Xml();
    /** Sheet name → its part, in the workbook's order. */
    private final Map<String, String> sheets = new LinkedHashMap<>();
    private final Map<String, TablePart> tables = new LinkedHashMap<>();
    private final SharedStrings strings = new SharedStrings();

    interface Body<T> {
        T read(XMLStreamReader reader) throws XMLStreamException;
    }

    private WorkbookParts(String file, XlsxGuard.Parts parts) {
        this.file = file;
        this.parts = parts;
    }

    static WorkbookParts open(String file, byte[] bytes) {
        WorkbookParts workbook = new WorkbookParts(file, XlsxGuard.parts(file, bytes));
        try {
            workbook.readStructure();
            return workbook;
        } catch (RuntimeException e) {
            workbook.close();
            throw e;
        }
    }

    private void readStructure() {
        String workbookPart = related("", "officeDocument").stream().findFirst()
                .orElseThrow(() -> XlsxGuard.refuse(file, "filen er en ZIP-pakke, men ikke en xlsx-arbeidsbok"));
        Map<String, String> targets = targets(workbookPart);
        read(workbookPart, r -> {
            for (int e = r.getEventType(); e != XMLStreamConstants.END_DOCUMENT; e = Xml.next(r)) {
                if (e == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("sheet")) {
                    String target = targets.get(Xml.attribute(r, "id"));
                    String name = Xml.attribute(r, "name");
                    if (target != null && name != null) {
                        sheets.put(name, target);
                    }
                }
            }
            return null;
        });
        for (String part : related(workbookPart, "sharedStrings")) {
            read(part, r -> {
                for (int e = r.getEventType(); e != XMLStreamConstants.END_DOCUMENT; e = Xml.next(r)) {
                    if (e == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("si")) {
                        strings.add(Xml.stringItem(r));
                    }
                }
                return null;
            });
        }
        sheets.forEach((sheet, part) -> related(part, "table").forEach(table -> readTable(sheet, table)));
    }

    private void readTable(String sheet, String part) {
        TablePart table = read(part, r -> {
            String name = null;
            CellAddress[] range = null;
            int headerRows = 1;
            int totalsRows = 0;
            List<String> columns = new ArrayList<>();
            for (int e = r.getEventType(); e != XMLStreamConstants.END_DOCUMENT; e = Xml.next(r)) {
                if (e != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (r.getLocalName().equals("table")) {
                    name = Xml.attribute(r, "name");
                    range = CellAddress.parseRange(Xml.attribute(r, "ref"));
                    headerRows = count(Xml.attribute(r, "headerRowCount"), 1);
                    totalsRows = count(Xml.attribute(r, "totalsRowCount"), 0);
                } else if (r.getLocalName().equals("tableColumn")) {
                    String column = Xml.attribute(r, "name");
                    columns.add(column == null ? "" : column.strip());
                }
            }
            return name == null || range == null ? null : new TablePart(name, sheet, range[0], range[1], headerRows, totalsRows, columns);
        });
        // a table without a name or a range is no table a person could have made; its cells are found by address
        if (table != null) {
            tables.putIfAbsent(table.name(), table);
        }
    }

    private static int count(String attribute, int absent) {
        if (attribute == null || !attribute.matches("[0-9]{1,3}")) {
            return absent;
        }
        return Integer.parseInt(attribute);
    }

    /** The parts {@code source} relates to with a relationship of this kind (the type's last segment). */
    private List<String> related(String source, String kind) {
        return relationships(source).stream().filter(r -> r.type().endsWith("/" + kind)).map(Relationship::target).toList();
    }

    /** Relationship id → target part. */
    private Map<String, String> targets(String source) {
        Map<String, String> byId = new HashMap<>();
        relationships(source).forEach(r -> byId.putIfAbsent(r.id(), r.target()));
        return byId;
    }

    private record Relationship(String id, String type, String target) {
    }

    /** The part's relationships to other parts of the package (external targets left out). */
    private List<Relationship> relationships(String source) {
        int slash = source.lastIndexOf('/');
        String folder = slash < 0 ? "" : source.substring(0, slash + 1);
        String rels = folder + "_rels/" + source.substring(slash + 1) + ".rels";
        if (!parts.has(rels)) {
            return List.of();
        }
        return read(rels, r -> {
            List<Relationship> found = new ArrayList<>();
            for (int e = r.getEventType(); e != XMLStreamConstants.END_DOCUMENT; e = Xml.next(r)) {
                if (e == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("Relationship")
                        && !"External".equals(Xml.attribute(r, "TargetMode"))) {
                    String target = resolve(folder, Xml.attribute(r, "Target"));
                    String type = Xml.attribute(r, "Type");
                    String id = Xml.attribute(r, "Id");
                    if (target != null && type != null && id != null) {
                        found.add(new Relationship(id, type, target));
                    }
                }
            }
            return found;
        });
    }

    /** A relationship's target as a part name: relative to the source's folder, or from the package root. */
    private static String resolve(String folder, String target) {
        if (target == null || target.isBlank()) {
            return null;
        }
        try {
            URI base = URI.create("/" + folder);
            String path = base.resolve(new URI(null, null, target, null)).normalize().getPath();
            return path.startsWith("/") && !path.startsWith("/..") ? path.substring(1) : null;
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Streams a part through {@code body}; whatever stops it is the file's refusal. */
    <T> T read(String part, Body<T> body) {
        if (!parts.has(part)) {
            throw XlsxGuard.refuse(file, XlsxGuard.why(new IOException("missing part " + part)));
        }
        try (InputStream in = parts.open(part)) {
            XMLStreamReader reader = xml.reader(in);
            try {
                return body.read(reader);
            } finally {
                reader.close();
            }
        } catch (InvalidInputException e) {
            throw e;
        } catch (XMLStreamException | IOException | RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof InvalidInputException refusal) {
                    throw refusal;
                }
            }
            throw XlsxGuard.refuse(file, XlsxGuard.why(e));
        }
    }

    String file() {
        return file;
    }

    /** The sheet's part, or empty when the workbook has no sheet of that name. */
    Optional<String> sheetPart(String sheet) {
        return Optional.ofNullable(sheets.get(sheet));
    }

    Map<String, TablePart> tables() {
        return tables;
    }

    SharedStrings strings() {
        return strings;
    }

    @Override
    public void close() {
        parts.close();
    }
}
