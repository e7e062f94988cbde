package no.kostra.workbook.powerquery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.kostra.workbook.ReportTemplate;
import no.kostra.workbook.TemplatePart;

/** Which data route answers each table of a report template, for one municipality and report year. Pure. */
public final class ReportQueries {
    private ReportQueries() {
    }

    /** One query per table the template's parts fill, in the parts' order. */
    public static List<TableQuery> of(ReportTemplate template, String region, int year) {
        List<TableQuery> queries = new ArrayList<>();
        for (TemplatePart part : template.parts()) {
            if (part instanceof TemplatePart.Profile p) {
                queries.add(new TableQuery(p.table(), DataRoute.PROFILE, parameters(region, p.profileCode(), year),
                        DataTables.profileColumns(year)));
            } else if (part instanceof TemplatePart.Summary s) {
                queries.add(new TableQuery(s.table(), DataRoute.PROFILE, parameters(region, String.join(",", s.profileCodes()), year),
                        DataTables.profileColumns(year)));
            } else if (part instanceof TemplatePart.Series s) {
                queries.add(new TableQuery(s.table(), DataRoute.SERIES, parameters(region, s.area(), year),
                        DataTables.seriesColumns(year)));
            } else if (part instanceof TemplatePart.Efficiency e) {
                queries.add(new TableQuery(e.table(), DataRoute.EFFICIENCY, parameters(region, e.area(), year),
                        DataTables.efficiencyColumns()));
            }
        }
        return List.copyOf(queries);
    }

    private static Map<String, String> parameters(String region, String area, int year) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("region", region);
        parameters.put("area", area);
        parameters.put("year", Integer.toString(year));
        return parameters;
    }
}
