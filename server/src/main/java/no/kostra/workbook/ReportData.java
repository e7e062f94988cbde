package no.kostra.workbook;

import no.kostra.compute.efficiency.EfficiencyReport;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import no.kostra.compute.ProfileTable;

/**
 * Everything one filled workbook shows, gathered before any cell is written.
 *
 * @param profiles     by profile code, for every profile the template shows
 * @param series       by area, for every series part; the years are the report year and the three before
 * @param seriesYears  the years a series table shows, oldest first
 * @param efficiency   by area, the efficiency split for the report year and the three before, where one exists
 */
public record ReportData(ReportTemplate template, ProfileTable.RegionRef region, int year, long dataRevision,
                         Instant madeAt, Map<String, ProfileTable> profiles, Map<String, List<SeriesRow>> series,
                         List<Integer> seriesYears, Map<String, EfficiencyReport> efficiency) {
    public ReportData {
        efficiency = Map.copyOf(efficiency);
        profiles = Map.copyOf(profiles);
        series = Map.copyOf(series);
        seriesYears = List.copyOf(seriesYears);
    }
}
