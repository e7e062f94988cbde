package no.kostra.workbook.powerquery;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import no.kostra.workbook.TemplateException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Makes a filled workbook refresh itself: each named table is backed by a Power Query query of its data route, loaded
 * into the same table, so Excel's Data → Refresh All brings its figures up to date and changes nothing else. Works on
 * the filled package as it is (whatever filled it), adding the parts connected-workbooks and Excel write for a query
 * loaded to a table: the DataMashup in a custom XML part, {@code xl/connections.xml}, a query table related from each
 * table. Each table also gets a {@link DataTable#REVISION} column, which the fill sets to its revision and a refresh to
 * the revision its figures came from. Cells the fill wrote stay as they are (the provenance map still holds); only the
 * note cell's text grows by the refresh instructions. Thread-safe: works on its own copy.
 */
public final class RefreshableWorkbook {
    private static final String WORKSHEET_RELATION = PackageXml.RELATIONSHIPS + "/worksheet";
    private static final String TABLE_RELATION = PackageXml.RELATIONSHIPS + "/table";
    private static final String SHARED_STRINGS_RELATION = PackageXml.RELATIONSHIPS + "/sharedStrings";
    private static final String CUSTOM_XML_RELATION = PackageXml.RELATIONSHIPS + "/customXml";
    private static final String CUSTOM_XML_PROPERTIES_RELATION = PackageXml.RELATIONSHIPS + "/customXmlProps";
    private static final String CUSTOM_XML_PROPERTIES_TYPE = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml";
    private static final String CONNECTIONS = "/xl/connections.xml";
    /** Wide enough for the header "Datarevisjon" in the templates' header font. */
    private static final double REVISION_WIDTH = 14;
    /** The name Excel gives a query table's range; {@code _N} makes it unique. */
    private static final String EXTERNAL_DATA = "ExternalData_";

    /**
     * Text added to a named cell (the source line) to say how the workbook is refreshed.
     *
     * @param definedName the workbook name of the cell
     */
    public record Note(String definedName, String text) {
        public Note {
            Objects.requireNonNull(definedName, "definedName");
            Objects.requireNonNull(text, "text");
        }
    }

    private final URI service;
    private final long dataRevision;
    private final Instant filledAt;

    /**
     * @param service      the address the queries call (as people reach the service)
     * @param dataRevision the data revision the workbook was filled at
     * @param filledAt     when it was filled
     */
    public RefreshableWorkbook(URI service, long dataRevision, Instant filledAt) {
        this.service = Objects.requireNonNull(service, "service");
        this.dataRevision = dataRevision;
        this.filledAt = Objects.requireNonNull(filledAt, "filledAt");
    }

    /** The workbook with a query behind each of these tables, and the note added to its cell. */
    public byte[] write(byte[] xlsx, List<TableQuery> queries, Note note) {
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(new ByteArrayInputStream(xlsx));
        } catch (InvalidFormatException | IOException e) {
            throw new IllegalStateException("The filled workbook is not an xlsx package", e);
        }
        try {
            return new Edit(pkg).apply(queries, note);
        } catch (InvalidFormatException e) {
            throw new IllegalStateException("The filled workbook's relationships cannot be read", e);
        } finally {
            pkg.revert();
        }
    }

    /** One workbook being made refreshable: the parts read, the documents changed, written back at the end. */
    private final class Edit {
        private final OPCPackage pkg;
        private final PackagePart workbookPart;
        private final Document workbook;
        private final Map<String, Located> tables = new HashMap<>();
        private final List<Located> bound = new ArrayList<>();
        private final Map<PackagePartName, SheetCells> sheets = new LinkedHashMap<>();

        /** A table, the sheet it is on and where that sheet stands in the workbook. */
        private record Located(PackagePart sheet, String sheetName, int sheetIndex, PackagePart part, TableXml xml) {
        }

        Edit(OPCPackage pkg) throws InvalidFormatException {
            this.pkg = pkg;
            this.workbookPart = pkg.getPartsByRelationshipType(PackageRelationshipTypes.CORE_DOCUMENT).get(0);
            this.workbook = PackageXml.read(workbookPart);
            List<Element> sheetElements = PackageXml.children(PackageXml.child(workbook.getDocumentElement(), "sheets"), "sheet");
            for (int i = 0; i < sheetElements.size(); i++) {
                Element sheet = sheetElements.get(i);
                PackageRelationship relation = workbookPart.getRelationship(sheet.getAttributeNS(PackageXml.RELATIONSHIPS, "id"));
                if (relation == null || !WORKSHEET_RELATION.equals(relation.getRelationshipType())) {
                    continue; // a chart sheet has no tables
                }
                PackagePart sheetPart = workbookPart.getRelatedPart(relation);
                String sheetName = sheet.getAttribute("name");
                for (PackageRelationship toTable : sheetPart.getRelationshipsByType(TABLE_RELATION)) {
                    PackagePart tablePart = sheetPart.getRelatedPart(toTable);
                    TableXml table = new TableXml(PackageXml.read(tablePart));
                    tables.put(table.name(), new Located(sheetPart, sheetName, i, tablePart, table));
                }
            }
        }

        byte[] apply(List<TableQuery> queries, Note note) throws InvalidFormatException {
            if (pkg.getPart(PackageXml.partName(CONNECTIONS)) != null) {
                throw new TemplateException("Arbeidsboken har allerede spørringer eller dataforbindelser (" + CONNECTIONS
                        + "); fjern dem fra malen for å lage en oppdaterbar arbeidsbok");
            }
            List<QueryBinding> bindings = new ArrayList<>();
            for (int i = 0; i < queries.size(); i++) {
                bindings.add(bind(queries.get(i), i + 1));
            }
            PackageXml.create(pkg, CONNECTIONS, ConnectionParts.CONNECTIONS_TYPE, ConnectionParts.connections(
                    queries.stream().map(TableQuery::table).toList()).getBytes(StandardCharsets.UTF_8));
            workbookPart.addRelationship(PackageXml.partName(CONNECTIONS), TargetMode.INTERNAL, ConnectionParts.CONNECTIONS_RELATION);
            addDataMashup(SectionDocument.of(service, bindings), bindings);
            if (note != null) {
                addNote(note);
            }
            PackageXml.write(pkg, workbookPart.getPartName(), workbook);
            for (Located table : bound) {
                PackageXml.write(pkg, table.part().getPartName(), table.xml().document());
            }
            sheets.forEach((name, cells) -> PackageXml.write(pkg, name, cells.document()));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                pkg.save(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }

        /** Backs one table with the n-th query: its revision column, its query table, the range's name. */
        private QueryBinding bind(TableQuery query, int n) throws InvalidFormatException {
            Located located = tables.get(query.table());
            if (located == null) {
                throw new IllegalStateException("The workbook has no table " + query.table() + " for its query");
            }
            bound.add(located);
            TableXml table = located.xml();
            SheetCells cells = sheet(located.sheet());
            fillRevisionColumn(table, cells);
            Map<Integer, String> headers = new LinkedHashMap<>();
            List<Element> columns = table.columns();
            for (int i = 0; i < columns.size(); i++) {
                headers.put(table.firstColumn() + i, columns.get(i).getAttribute("name"));
            }
            List<DataColumn> loaded = new ArrayList<>();
            List<ConnectionParts.Field> fields = new ArrayList<>();
            List<String> calculated = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                int column = table.firstColumn() + i;
                String header = headers.get(column);
                List<String> formulas = new ArrayList<>();
                for (int row = table.headerRow() + 1; row <= table.lastRow(); row++) {
                    formulas.add(cells.formula(row, column));
                }
                Optional<DataColumn> data = query.columns().stream().filter(c -> c.kind().loaded() && c.header().equals(header)).findFirst();
                int id = Integer.parseInt(columns.get(i).getAttribute("id"));
                if (data.isPresent() && formulas.stream().allMatch(Objects::isNull)) {
                    loaded.add(data.get());
                    fields.add(new ConnectionParts.Field(id, header));
                    calculated.add(null);
                } else {
                    fields.add(new ConnectionParts.Field(id, null));
                    calculated.add(CalculatedColumns.of(table.name(), headers, formulas, table.headerRow() + 1).orElse(null));
                }
            }
            table.loadFromQuery(calculated);
            String name = EXTERNAL_DATA + n;
            String queryTable = "/xl/queryTables/queryTable" + n + ".xml";
            PackageXml.create(pkg, queryTable, ConnectionParts.QUERY_TABLE_TYPE,
                    ConnectionParts.queryTable(name, n, fields).getBytes(StandardCharsets.UTF_8));
            located.part().addRelationship(PackageXml.partName(queryTable), TargetMode.INTERNAL, ConnectionParts.QUERY_TABLE_RELATION);
            defineName(name, located.sheetIndex(), new AreaReference(
                    new CellReference(located.sheetName(), table.headerRow(), table.firstColumn(), true, true),
                    new CellReference(located.sheetName(), table.lastRow(), table.area().getLastCell().getCol(), true, true),
                    SpreadsheetVersion.EXCEL2007).formatAsString());
            return new QueryBinding(query, loaded, table.lastRow() - table.headerRow());
        }

        /**
         * Gives the table its revision column, filled with the fill's revision: added at its right end (where the
         * sheet must be empty), or the table's own when the template has one.
         */
        private void fillRevisionColumn(TableXml table, SheetCells cells) {
            List<Element> columns = table.columns();
            int column = -1;
            for (int i = 0; i < columns.size(); i++) {
                if (DataTable.REVISION.equals(columns.get(i).getAttribute("name"))) {
                    column = table.firstColumn() + i;
                }
            }
            if (column < 0) {
                column = table.firstColumn() + columns.size();
                for (int row = table.headerRow(); row <= table.lastRow(); row++) {
                    if (cells.hasContent(row, column)) {
                        throw new TemplateException("Tabellen '" + table.name() + "' trenger en tom kolonne til høyre for seg til "
                                + DataTable.REVISION + ", men cellen " + SheetCells.address(row, column) + " har innhold");
                    }
                }
                cells.setText(table.headerRow(), column, DataTable.REVISION, cells.style(table.headerRow(), column - 1));
                table.addColumn(DataTable.REVISION);
                cells.include(column);
                cells.width(column, REVISION_WIDTH);
            }
            for (int row = table.headerRow() + 1; row <= table.lastRow(); row++) {
                // the row's first cell's style (a plain bordered cell in the templates) rather than none
                cells.setNumber(row, column, dataRevision, cells.style(row, table.firstColumn()));
            }
        }

        private SheetCells sheet(PackagePart part) {
            return sheets.computeIfAbsent(part.getPartName(), name -> new SheetCells(PackageXml.read(part)));
        }

        /** A hidden, sheet-local name for a query table's range, as Excel keeps one. */
        private void defineName(String name, int sheetIndex, String range) {
            Element root = workbook.getDocumentElement();
            Element names = PackageXml.child(root, "definedNames");
            if (names == null) {
                names = PackageXml.element(workbook, "definedNames");
                Element after = PackageXml.child(root, "sheets");
                for (String later : List.of("functionGroups", "externalReferences")) {
                    after = PackageXml.child(root, later) != null ? PackageXml.child(root, later) : after;
                }
                root.insertBefore(names, after.getNextSibling());
            }
            Element defined = PackageXml.element(workbook, "definedName");
            defined.setAttribute("name", name);
            defined.setAttribute("localSheetId", Integer.toString(sheetIndex));
            defined.setAttribute("hidden", "1");
            defined.setTextContent(range);
            names.appendChild(defined);
        }

        /** The DataMashup as the next free custom XML item, with its properties part, related from the workbook. */
        private void addDataMashup(String section, List<QueryBinding> bindings) throws InvalidFormatException {
            int n = 1;
            while (pkg.getPart(PackageXml.partName("/customXml/item" + n + ".xml")) != null) {
                n++;
            }
            PackagePart item = PackageXml.create(pkg, "/customXml/item" + n + ".xml", "application/xml",
                    DataMashup.customXmlPart(section, bindings, filledAt));
            String itemId = "{" + UUID.nameUUIDFromBytes(section.getBytes(StandardCharsets.UTF_8)).toString().toUpperCase(Locale.ROOT) + "}";
            String properties = "/customXml/itemProps" + n + ".xml";
            PackageXml.create(pkg, properties, CUSTOM_XML_PROPERTIES_TYPE, ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\r\n"
                    + "<ds:datastoreItem ds:itemID=\"" + itemId + "\" xmlns:ds=\"http://schemas.openxmlformats.org/officeDocument/2006/customXml\">"
                    + "<ds:schemaRefs><ds:schemaRef ds:uri=\"" + DataMashup.NAMESPACE + "\"/></ds:schemaRefs></ds:datastoreItem>")
                    .getBytes(StandardCharsets.UTF_8));
            item.addRelationship(PackageXml.partName(properties), TargetMode.INTERNAL, CUSTOM_XML_PROPERTIES_RELATION);
            workbookPart.addRelationship(item.getPartName(), TargetMode.INTERNAL, CUSTOM_XML_RELATION);
        }

        /** Appends the note to the text of the cell the defined name points at. */
        private void addNote(Note note) throws InvalidFormatException {
            Element names = PackageXml.child(workbook.getDocumentElement(), "definedNames");
            Element defined = names == null ? null : PackageXml.children(names, "definedName").stream()
                    .filter(e -> note.definedName().equals(e.getAttribute("name"))).findFirst().orElse(null);
            if (defined == null) {
                throw new IllegalStateException("The workbook has no name " + note.definedName() + " for the refresh note");
            }
            CellReference cell = new AreaReference(defined.getTextContent(), SpreadsheetVersion.EXCEL2007).getFirstCell();
            SheetCells cells = sheet(sheetPart(cell.getSheetName()));
            String text = cells.text(cell.getRow(), cell.getCol(), this::sharedString);
            cells.setText(cell.getRow(), cell.getCol(), text.isEmpty() ? note.text() : text + " " + note.text(),
                    cells.style(cell.getRow(), cell.getCol()));
        }

        /** The n-th shared string's text (a cell that is not inline text points into the shared strings part). */
        private String sharedString(int n) {
            try {
                PackagePart part = workbookPart.getRelatedPart(workbookPart.getRelationshipsByType(SHARED_STRINGS_RELATION).getRelationship(0));
                return PackageXml.children(PackageXml.read(part).getDocumentElement(), "si").get(n).getTextContent();
            } catch (InvalidFormatException e) {
                throw new IllegalStateException("The workbook's shared strings cannot be read", e);
            }
        }

        private PackagePart sheetPart(String sheetName) throws InvalidFormatException {
            for (Element sheet : PackageXml.children(PackageXml.child(workbook.getDocumentElement(), "sheets"), "sheet")) {
                if (sheet.getAttribute("name").equals(sheetName)) {
                    return workbookPart.getRelatedPart(workbookPart.getRelationship(sheet.getAttributeNS(PackageXml.RELATIONSHIPS, "id")));
                }
            }
            throw new IllegalStateException("The workbook has no sheet " + sheetName);
        }
    }
}
