package no.kostra.workbook.powerquery;

import java.util.List;

/**
 * The SpreadsheetML parts that tie a table to its query: {@code xl/connections.xml} with one OLE DB connection per
 * query through the Power Query provider ({@code Microsoft.Mashup.OleDb.1}, data source {@code $Workbook$}: the
 * DataMashup in this file), and one query table per table naming its connection and mapping each table column to a
 * query column or marking it as the table's own ({@code dataBound="0"}: formulas, comments, an analyst's columns).
 * Refresh on open is off: a workbook opened offline must not try to reach the service.
 */
final class ConnectionParts {
    static final String CONNECTIONS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.connections+xml";
    static final String QUERY_TABLE_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.queryTable+xml";
    static final String CONNECTIONS_RELATION = PackageXml.RELATIONSHIPS + "/connections";
    static final String QUERY_TABLE_RELATION = PackageXml.RELATIONSHIPS + "/queryTable";
    private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n";

    /**
     * One table column as its query table sees it.
     *
     * @param queryColumn the query's column loaded into it, or null for a column of the table's own
     */
    record Field(int tableColumnId, String queryColumn) {
    }

    private ConnectionParts() {
    }

    /** The connections, the n-th (from 1) for the n-th query. */
    static String connections(List<String> queries) {
        StringBuilder xml = new StringBuilder(DECLARATION).append("<connections xmlns=\"").append(PackageXml.MAIN).append("\">");
        for (int i = 0; i < queries.size(); i++) {
            String query = queries.get(i);
            xml.append("<connection id=\"").append(i + 1).append("\" keepAlive=\"1\" name=\"").append(attribute("Spørring - " + query))
                    .append("\" description=\"").append(attribute("Tilkobling til spørringen " + query + " i arbeidsboken."))
                    .append("\" type=\"5\" refreshedVersion=\"7\" background=\"1\" saveData=\"1\" refreshOnLoad=\"0\">")
                    .append("<dbPr connection=\"").append(attribute("Provider=Microsoft.Mashup.OleDb.1;Data Source=$Workbook$;Location=\""
                            + query + "\";")).append("\" command=\"").append(attribute("SELECT * FROM [" + query.replace("]", "]]") + "]"))
                    .append("\"/></connection>");
        }
        return xml.append("</connections>").toString();
    }

    /**
     * A query table: loads into its table's columns without touching their formats or widths (the template's), and
     * keeps the table's layout and its own columns when it refreshes.
     */
    static String queryTable(String name, int connectionId, List<Field> fields) {
        StringBuilder xml = new StringBuilder(DECLARATION).append("<queryTable xmlns=\"").append(PackageXml.MAIN)
                .append("\" name=\"").append(attribute(name)).append("\" refreshOnLoad=\"0\" adjustColumnWidth=\"0\" connectionId=\"")
                .append(connectionId).append("\" autoFormatId=\"16\" applyNumberFormats=\"0\" applyBorderFormats=\"0\" applyFontFormats=\"0\"")
                .append(" applyPatternFormats=\"0\" applyAlignmentFormats=\"0\" applyWidthHeightFormats=\"0\">")
                .append("<queryTableRefresh nextId=\"").append(fields.size() + 1).append("\"><queryTableFields count=\"")
                .append(fields.size()).append("\">");
        for (int i = 0; i < fields.size(); i++) {
            Field field = fields.get(i);
            xml.append("<queryTableField id=\"").append(i + 1).append('"');
            if (field.queryColumn() == null) {
                xml.append(" dataBound=\"0\"");
            } else {
                xml.append(" name=\"").append(attribute(field.queryColumn())).append('"');
            }
            xml.append(" tableColumnId=\"").append(field.tableColumnId()).append("\"/>");
        }
        return xml.append("</queryTableFields></queryTableRefresh></queryTable>").toString();
    }

    private static String attribute(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
