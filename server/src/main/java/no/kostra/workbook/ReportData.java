package no.kostra.workbook;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import no.kostra.compute.ProfileTable;
import no.kostra.compute.barometer.Standings;
import no.kostra.compute.efficiency.EfficiencyReport;
import no.kostra.compute.summary.AreaFigures;

/**
 * Everything one filled workbook shows, gathered before any cell is written.
 *
 * @param profiles     by profile code, for every profile the template shows that has a layout and figures for the year
 * @param absent       by profile code, why each other profile of the template is empty ("Ingen tjenesteprofil for …")
 * @param series       by area, for every series part; the years are the report year and the three before
 * @param seriesYears  the years a series table shows, oldest first
 * @param efficiency   by area, the efficiency split for the report year and the three before, where one exists
 * @param barometer    the municipality and the ASSS members in the Kommunebarometeret of the year after the report
 *                     year (it ranks on the report year's figures), every sector; null when the template shows none
 * @param areas        the summary's areas, for an overview part; empty otherwise
 */
public record ReportData(ReportTemplate template, ProfileTable.RegionRef region, int year, long dataRevision,
                         Instant madeAt, Map<String, ProfileTable> profiles, Map<String, String> absent,
                         Map<String, List<SeriesRow>> series, List<Integer> seriesYears,
                         Map<String, EfficiencyReport> efficiency, Standings barometer, List<AreaFigures> areas) {
    public ReportData {
        profiles = Map.copyOf(profiles);
        absent = Map.copyOf(absent);
        series = Map.copyOf(series);
        seriesYears = List.copyOf(seriesYears);
        efficiency = Map.copyOf(efficiency);
        areas = List.copyOf(areas);
    }

    /** The same data with an area's series rows replaced. */
    public ReportData withSeries(String area, List<SeriesRow> rows) {
        Map<String, List<SeriesRow>> replaced = new java.util.HashMap<>(series);
        replaced.put(area, rows);
        return new ReportData(template, region, year, dataRevision, madeAt, profiles, absent, replaced, seriesYears, efficiency,
                barometer, areas);
    }
}
