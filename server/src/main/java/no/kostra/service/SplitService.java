package no.kostra.service;

import java.util.List;
import java.util.Map;
import no.kostra.catalog.Region;
import no.kostra.compute.splits.CostSplit;
import no.kostra.compute.splits.HomeCareSplit;
import no.kostra.errors.InvalidInputException;
import no.kostra.errors.NotFoundException;
import no.kostra.store.AnalysisRepository;
import no.kostra.store.StoredRow;

/** Cost distribution splits over the stored cost tables, and the home-care split by assigned hours. */
public final class SplitService {
    /** The table whose total is split between the age profiles. */
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

    public HomeCareSplit homeCare(String regionCode, int year) {
        Region region = ComparisonService.municipality(catalogs.current(), regionCode);
        Double total = repository.costDistribution(HOME_CARE_TABLE).stream()
                .filter(r -> r.integer("ref_year") == year && r.text("unit_name").equals(CostSplit.TOTAL))
                .map(r -> r.number("num_value")).findFirst().orElse(null);
        Map<String, Double> hours = new java.util.HashMap<>();
        repository.homeCareHours(region.code(), year).forEach(r -> hours.put(r.text("profile"), r.number("hours")));
        if (total == null || !hours.containsKey("PLO_0_66") || !hours.containsKey("PLO_67")) {
            throw new NotFoundException("Mangler tall for å fordele hjemmetjenestene i " + year + ": trenger netto driftsutgifter"
                    + " (Totalt i " + HOME_CARE_TABLE + ") og tildelte timer per uke for PLO_0_66 og PLO_67"
                    + " (importer home_care_hours.csv)", Map.of("year", year, "totalStored", total != null,
                    "hoursStored", List.copyOf(hours.keySet())));
        }
        if (hours.get("PLO_0_66") + hours.get("PLO_67") == 0) {
            throw new InvalidInputException("Tildelte timer per uke i " + year + " er 0 for både PLO_0_66 og PLO_67, så"
                    + " hjemmetjenestene kan ikke fordeles; importer home_care_hours.csv med timene", Map.of("year", year));
        }
        return HomeCareSplit.split(year, total, hours.get("PLO_0_66"), hours.get("PLO_67"));
    }
}
