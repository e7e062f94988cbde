package no.kostra.workbook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import no.kostra.catalog.Catalog;
import no.kostra.catalog.Indicator;
import no.kostra.catalog.Region;
import no.kostra.compute.ProfileRow;
import no.kostra.compute.ProfileTable;
import no.kostra.compute.YearFigure;
import no.kostra.compute.asss.GroupMeans;
import no.kostra.compute.barometer.Standings;
import no.kostra.compute.efficiency.EfficiencyReport;
import no.kostra.compute.narrative.Wording;
import no.kostra.compute.summary.AreaFigures;
import no.kostra.compute.summary.Levels;
import no.kostra.service.ComparisonService;

/**
 * Gathers each area of the summary: its ressursbruksindikator and the municipality's place among the ASSS members,
 * its efficiency levels in the report year and the year before, its profile rows' deviations, its barometer sector.
 */
final class SummaryGatherer {
    private final ComparisonService comparisons;

    SummaryGatherer(ComparisonService comparisons) {
        this.comparisons = comparisons;
    }

    /**
     * @param tables     the profiles gathered for the workbook, by code (absent ones missing)
     * @param absent     why each other profile is empty
     * @param splits     an area's efficiency split, when one is stored
     * @param barometer  the year's Kommunebarometeret for the municipality, every sector
     */
    List<AreaFigures> gather(Catalog catalog, Region region, int year, TemplatePart.Overview overview,
                             Map<String, ProfileTable> tables, Map<String, String> absent,
                             Function<String, Optional<EfficiencyReport>> splits, Standings barometer) {
        int members = catalog.membersOf(ProfileTableWriter.ASSS, year).size();
        List<AreaFigures> out = new ArrayList<>();
        for (TemplatePart.Overview.Area area : overview.areas()) {
            List<ProfileRow> rows = area.profileCodes().stream().filter(tables::containsKey)
                    .flatMap(code -> tables.get(code).rows().stream()).toList();
            AreaFigures.Resource resource = rows.stream().filter(r -> r.indicator().equals(area.resourceIndicator())).findFirst()
                    .map(r -> resource(region, r, year, members)).orElse(null);
            Map<String, AreaFigures.Deviation> deviations = new LinkedHashMap<>();
            for (ProfileRow row : rows) {
                if (row.deviationPercent() != null && !row.indicator().equals(area.resourceIndicator())) {
                    deviations.putIfAbsent(row.indicator(), new AreaFigures.Deviation(row.indicator(),
                            subject(catalog.requireIndicator(row.indicator())), row.deviationPercent()));
                }
            }
            Optional<EfficiencyReport> split = splits.apply(area.code());
            out.add(new AreaFigures(area.code(), area.title(), region.name(), year, resource,
                    split.flatMap(s -> Levels.in(s.years(), year)).orElse(null),
                    split.flatMap(s -> Levels.before(s.years(), year)).orElse(null),
                    area.sectors().isEmpty() ? null : barometer, area.sectors().isEmpty() ? null : area.sectors().get(0),
                    List.copyOf(deviations.values()),
                    area.profileCodes().stream().filter(absent::containsKey).map(absent::get).toList()));
        }
        return out;
    }

    private AreaFigures.Resource resource(Region region, ProfileRow row, int year, int members) {
        Double value = row.values().stream().filter(v -> v.year() == year).findFirst().map(YearFigure::value).orElse(null);
        return new AreaFigures.Resource(row.indicator(), value, row.decimals(), row.asss().mean().value(), row.deviationPercent(),
                place(region, row, value, year, members));
    }

    /**
     * The municipality's place among the ASSS members (1 = highest): from the members' stored figures, else from KS's
     * published highest and lowest (first or last); unknown otherwise.
     */
    private GroupMeans.Rank place(Region region, ProfileRow row, Double value, int year, int members) {
        GroupMeans.Rank fromMembers = comparisons.compare(region.code(), row.indicator(), year).rank();
        if (fromMembers != null || value == null) {
            return fromMembers;
        }
        if (value.equals(row.asss().high().value())) {
            return new GroupMeans.Rank(1, members);
        }
        return value.equals(row.asss().low().value()) ? new GroupMeans.Rank(members, members) : null;
    }

    /** How a finding names the indicator: its short name, else its printed name as it reads in a sentence. */
    private static String subject(Indicator indicator) {
        return indicator.shortName() != null ? indicator.shortName() : Wording.inSentence(indicator.name());
    }
}
