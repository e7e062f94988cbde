package no.kostra.service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.kostra.catalog.Catalog;
import no.kostra.catalog.Region;
import no.kostra.compute.splits.CostSplit;
import no.kostra.compute.splits.HomeCareSplit;
import no.kostra.errors.InvalidInputException;
import no.kostra.errors.NotFoundException;
import no.kostra.ingest.AnalysisSeeds;
import no.kostra.store.AnalysisRepository;
import no.kostra.store.StoredRow;

/** Cost distribution splits over the stored cost tables, and the home-care split between profiles by assigned hours. */
public final class SplitService {
    /** The table whose total is split between the profiles. */
    static final String HOME_CARE_TABLE = "netto_hjemmetjenester";

    private final CatalogService catalogs;
    private final AnalysisRepository repository;

    SplitService(CatalogService catalogs, AnalysisRepository repository) {
        this.catalogs = catalogs;
        this.repository = repository;
    }

    public CostSplit costSplit(String table, String function) {
        List<StoredRow> rows = repository.costDistribution(table);
        if (rows.isEmpty()) {
            throw new NotFoundException("Fant ikke kostnadsfordelingen " + table, Map.of("asked", table,
                    "known", repository.costDistributionTables().stream().map(r -> r.text("table_name")).distinct().toList()));
        }
        String fn = function != null ? function : rows.get(0).text("function_code");
        List<CostSplit.Line> lines = rows.stream().map(r -> new CostSplit.Line(r.text("function_code"), r.text("unit_name"),
                r.integer("ref_year"), r.number("num_value"))).toList();
        if (lines.stream().noneMatch(l -> l.function().equals(fn))) {
            throw new NotFoundException("Kostnadsfordelingen " + table + " har ingen tall for funksjon " + fn,
                    Map.of("table", table, "function", fn));
        }
        List<CostSplit.Printed> printed = repository.costShares(table).stream().map(r -> new CostSplit.Printed(
                r.text("function_code"), r.integer("ref_year"), r.text("unit_name"), r.number("share_percent"))).toList();
        return CostSplit.compute(table, fn, lines, printed);
    }

    /** The home-care costs split between every profile with assigned hours for the municipality and year. */
    public HomeCareSplit homeCare(String regionCode, int year) {
        Catalog catalog = catalogs.current();
        Region region = ComparisonService.municipality(catalog, regionCode);
        Double total = repository.costDistribution(HOME_CARE_TABLE).stream()
                .filter(r -> r.integer("ref_year") == year && r.text("unit_name").equals(CostSplit.TOTAL))
                .map(r -> r.number("num_value")).findFirst().orElse(null);
        Map<String, Double> stored = new HashMap<>();
        repository.homeCareHours(region.code(), year).forEach(r -> stored.put(r.text("profile"), r.number("hours")));
        List<HomeCareSplit.Hours> hours = catalog.profiles().stream().filter(p -> stored.containsKey(p.code()))
                .map(p -> new HomeCareSplit.Hours(p.code(), p.title(), stored.get(p.code()))).toList();
        if (total == null || hours.size() < 2) {
            throw new NotFoundException("Mangler tall for å fordele hjemmetjenestene for " + region.name() + " i " + year
                    + ": trenger netto driftsutgifter (Totalt i " + HOME_CARE_TABLE + ") og tildelte timer per uke for minst to"
                    + " tjenesteprofiler (importer " + AnalysisSeeds.HOME_CARE_HOURS + " med kolonnene region,year,profile,hours,source)",
                    Map.of("year", year, "totalStored", total != null, "hoursStored", List.copyOf(stored.keySet())));
        }
        if (hours.stream().allMatch(h -> h.hours() == 0)) {
            throw new InvalidInputException("Tildelte timer per uke for " + region.name() + " i " + year + " er 0 for alle"
                    + " tjenesteprofiler, så hjemmetjenestene kan ikke fordeles; importer " + AnalysisSeeds.HOME_CARE_HOURS
                    + " med timene", Map.of("year", year));
        }
        return HomeCareSplit.split(year, total, hours);
    }
}
