package no.kostra.workbook.powerquery;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The query behind one table of a filled workbook: the data route that answers the table, its parameters, and the
 * route's columns (which the workbook's table shows under their {@link DataColumn#header()}).
 *
 * @param table      the Excel table's name, also the query's name
 * @param parameters the route's query parameters, in order
 */
public record TableQuery(String table, DataRoute route, Map<String, String> parameters, List<DataColumn> columns) {
    public TableQuery {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(route, "route");
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        columns = List.copyOf(columns);
    }

    /** The route's path and query string, relative to the service's address. */
    public String relativeUri() {
        return route.path() + "?" + parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
