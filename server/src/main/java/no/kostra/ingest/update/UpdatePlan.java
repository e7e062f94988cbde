package no.kostra.ingest.update;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import no.kostra.catalog.Catalog;
import no.kostra.catalog.IndicatorSource;
import no.kostra.catalog.Region;
import no.kostra.catalog.RegionKind;
import no.kostra.ingest.ssb.SsbClient;
import no.kostra.ingest.ssb.SsbRequest;

/**
 * Which tables an update asks StatBank for, and for what. An indicator is fetched when its sources are complete:
 * a {@code value} series (then only that is fetched), or a {@code numerator} and a {@code denominator}. Each series
 * (a table's contents code and categories, shared by every indicator using it) is one request; the client merges a
 * table's requests into as few calls as StatBank's limits allow. Regions: the report year's ASSS members and Asker
 * (or every municipality), under every number each had in the years asked (SSB keeps figures under the number valid
 * that year, and back-fills today's), and the comparison groups of {@link StatBankRegions} the catalogue holds.
 */
record UpdatePlan(List<TableFetch> tables, Map<String, List<IndicatorSource>> indicators, List<String> regionCodes) {
    static final String ASSS = "ASSS";
    static final String ASKER = "3203";

    /** One table and a request per series read from it. */
    record TableFetch(String table, List<Query> queries) {
        List<SsbRequest> requests() {
            return queries.stream().map(Query::request).toList();
        }
    }

    /** One series, the source it is read by, and the request asking for it. */
    record Query(SsbRequest request, SeriesId series, IndicatorSource source) {
    }

    static UpdatePlan of(Catalog catalog, List<IndicatorSource> sources, UpdateRequest request) {
        Map<String, List<IndicatorSource>> byIndicator = new TreeMap<>();
        sources.stream().filter(s -> catalog.findIndicator(s.indicator()).isPresent())
                .forEach(s -> byIndicator.computeIfAbsent(s.indicator(), k -> new ArrayList<>()).add(s));
        Map<String, List<IndicatorSource>> used = new LinkedHashMap<>();
        byIndicator.forEach((indicator, list) -> {
            List<IndicatorSource> value = list.stream().filter(s -> s.role() == IndicatorSource.Role.VALUE).toList();
            List<IndicatorSource> ratio = list.stream().filter(s -> s.role() != IndicatorSource.Role.VALUE).toList();
            if (!value.isEmpty()) {
                used.put(indicator, value);
            } else if (ratio.size() == 2) {
                used.put(indicator, ratio);
            }
        });
        List<String> regions = regionCodes(catalog, request);
        Map<String, Map<SeriesId, IndicatorSource>> byTable = new TreeMap<>();
        used.values().stream().flatMap(List::stream).forEach(s -> byTable.computeIfAbsent(s.table(), k -> new LinkedHashMap<>())
                .putIfAbsent(SeriesId.of(s), s));
        List<String> years = request.years().stream().map(String::valueOf).toList();
        List<TableFetch> tables = new ArrayList<>();
        byTable.forEach((table, series) -> tables.add(new TableFetch(table, series.entrySet().stream()
                .map(e -> new Query(request(e.getValue(), regions, years), e.getKey(), e.getValue())).toList())));
        return new UpdatePlan(tables, used, regions);
    }

    private static SsbRequest request(IndicatorSource source, List<String> regions, List<String> years) {
        Map<String, List<String>> fixed = new LinkedHashMap<>();
        // The region variable is KOKkommuneregion0000 in KOSTRA tables and Region elsewhere; the client uses the one the table has.
        fixed.put("KOKkommuneregion0000", regions);
        fixed.put("Region", regions);
        source.filters().forEach((dimension, codes) ->
                fixed.put(dimension, codes.contains(IndicatorSource.ALL) ? List.of(SsbClient.ALL) : List.copyOf(codes)));
        return new SsbRequest(source.table(), List.of(source.contents()), years, fixed);
    }

    private static List<String> regionCodes(Catalog catalog, UpdateRequest request) {
        List<String> municipalities = new ArrayList<>();
        if (request.allMunicipalities()) {
            catalog.regions().stream().filter(r -> r.kind() == RegionKind.MUNICIPALITY).map(Region::code).forEach(municipalities::add);
        } else {
            municipalities.addAll(catalog.membersOf(ASSS, request.year()));
            if (catalog.findRegion(ASKER).isPresent() && !municipalities.contains(ASKER)) {
                municipalities.add(ASKER);
            }
        }
        Set<String> codes = new LinkedHashSet<>();
        for (String municipality : municipalities) {
            for (int year : request.years()) {
                codes.add(catalog.codeInYear(municipality, year));
            }
            codes.add(municipality);
        }
        codes.addAll(StatBankRegions.codes(catalog));
        return List.copyOf(codes);
    }
}
