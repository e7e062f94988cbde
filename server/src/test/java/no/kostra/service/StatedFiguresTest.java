package no.kostra.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.kostra.catalog.Catalog;
import no.kostra.compute.Change;
import no.kostra.compute.ProfileRow;
import no.kostra.compute.TablePrecision;
import no.kostra.compute.efficiency.EfficiencyYear;
import no.kostra.compute.narrative.Wording;
import no.kostra.store.AnalysisRepository;
import no.kostra.store.StoredRow;
import no.kostra.support.SeededServicesExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every quantitative claim the reports make about Bærum's profile rows (stated_figures.csv) is checked against the
 * figure computed from the stored table (same size at the precision the report states it with) and against the row's
 * narrative, which tells the figure as the table shows it, in the same direction. The claims that cannot or should
 * not match are listed with the reason.
 */
class StatedFiguresTest {
    /** Claims that contradict the report's own tables (seeds/README "Known inconsistencies"), with the table's truth. */
    private static final Map<String, String> CONTRADICTED_BY_THE_TABLE = Map.of(
            "PLO.andel_arsverk_fagutdanning|change_pp", "the table gives 32,2 → 32,1 (−0,1), the text +0,5",
            "PLO.sykefravaer|deviation_pp", "8,60 against 9,23 is −0,63 prosentpoeng; the text says 6,3");
    /** Claims whose figures are not stored: no 2023 ASSS mean, and Bærum's 80+ heldøgn share is unreadable (..). */
    private static final Set<String> NOT_STORED = Set.of(
            "PLO.ressursbruksindikator|2023", "PLO.netto_hjemmetjeneste_0_66_per_mottaker|2023",
            "PLO.andel_80_institusjon_heldogn|2024");

    @RegisterExtension
    final SeededServicesExtension seeded = new SeededServicesExtension();

    @Test
    void everyClaimAboutBaerumsProfileRowsComesOutOfTheStoredTables() {
        List<String> checked = new ArrayList<>();
        for (StoredRow claim : claimsAboutBaerum()) {
            String id = claim.text("indicator_id");
            String kind = claim.text("kind");
            int year = claim.integer("ref_year");
            if (CONTRADICTED_BY_THE_TABLE.containsKey(id + "|" + kind) || NOT_STORED.contains(id + "|" + year)) {
                continue;
            }
            ProfileRow row = row(id, year);
            double stated = claim.number("num_value");
            int precision = decimalsOf(stated);
            String narrative = String.join(" ", row.narrative());
            switch (kind) {
                case "deviation_percent" -> {
                    assertThat(rounded(row.deviationPercent(), precision)).as(id).isEqualTo(stated);
                    assertThat(narrative).as(id).contains(Wording.deviation(row.deviationPercent()) + " prosent "
                            + (stated > 0 ? "over" : "under") + " ASSS-snittet");
                }
                case "deviation_pp" -> {
                    double gap = row.values().get(2).value() - row.asss().mean().value();
                    assertThat(rounded(gap, precision)).as(id).isEqualTo(stated);
                    assertThat(narrative).as(id).contains(stated > 0 ? "over ASSS-snittet" : "under ASSS-snittet");
                }
                case "change_pp", "change_percent" -> {
                    // "redusert med 1,3 prosent" (PLO 67+) is a change of a percentage: the product says prosentpoeng.
                    assertThat(row.change().unit()).as(id).isEqualTo(Change.PERCENTAGE_POINTS);
                    assertThat(rounded(row.change().value(), precision)).as(id).isEqualTo(stated);
                    assertThat(narrative).as(id).contains((stated > 0 ? "en økning på " : "en nedgang på ")
                            + Wording.magnitude(row.change().value(), TablePrecision.DERIVED) + " prosentpoeng fra " + (year - 1));
                }
                case "rank" -> {
                    assertThat(stated).isEqualTo(1.0);
                    assertThat(row.values().get(2).value()).as(id).isEqualTo(row.asss().high().value());
                    assertThat(narrative).as(id).contains("høyest i ASSS");
                }
                default -> throw new AssertionError("Unexpected kind " + kind);
            }
            checked.add(id + "|" + kind);
        }
        assertThat(checked).hasSize(16).contains("PLO.netto_hjemmetjeneste_0_66_per_innbygger|deviation_percent",
                "PLO.andel_80_hjemmetjeneste|change_pp", "PLO.ttu_utgifter_per_utviklingshemmet|deviation_percent");
    }

    @Test
    void theContradictedClaimsReallyDifferFromTheTable() {
        ProfileRow fagutdanning = row("PLO.andel_arsverk_fagutdanning", 2024);
        assertThat(fagutdanning.change().value()).isCloseTo(-0.1, within(1e-9));
        assertThat(String.join(" ", fagutdanning.narrative())).contains("en nedgang på 0,1 prosentpoeng fra 2023");

        ProfileRow sykefravaer = row("PLO.sykefravaer", 2024);
        assertThat(sykefravaer.values().get(2).value() - sykefravaer.asss().mean().value()).isCloseTo(-0.63, within(1e-9));
        assertThat(String.join(" ", sykefravaer.narrative())).contains("6,8 prosent under ASSS-snittet (0,63 prosentpoeng)");
    }

    @Test
    void kommunehelseSentencesGoTheWayThe2025ReportsTextDoes() {
        // 000: "Sykefravær for kommunehelse i Bærum kommune økte fra 2023 til 2024, men ligger noe lavere enn snitt for
        // ASSS-kommunene." 5,74 → 7,27 against 7,88
        assertThat(String.join(" ", row("KHT.sykefravaer", 2024).narrative()))
                .contains("Bærum ligger 7,7 prosent under ASSS-snittet (0,61 prosentpoeng)")
                .contains("Det er en økning på 1,5 prosentpoeng fra 2023.");
        // 000, Produktivitet/enhetskostnader: "Bærum ligger jevnt med fjoråret, og noe over snittet for ASSS kommunene."
        assertThat(String.join(" ", row("KHT.brutto_driftsutgifter_per_innbygger", 2024).narrative()))
                .contains("Bærum ligger 2,2 prosent over ASSS-snittet")
                .contains("Det er en nedgang på 0,1 prosent fra 2023.");
    }

    @Test
    void theEfficiencyClaimsOfBothReportsComeOutOfTheEfficiencySplit() {
        AnalysisRepository repository = new AnalysisRepository(seeded.services().database());
        int checked = 0;
        for (String area : List.of("KHT", "PLO")) {
            EfficiencyYear y = seeded.services().analysis().efficiency().efficiency("3201", area, 2024, 2024).years().get(0);
            List<StoredRow> claims = repository.statedFigures(area).stream()
                    .filter(c -> c.text("indicator_id") == null && c.text("source").contains("effektivitet")).toList();
            for (StoredRow claim : claims) {
                double stated = claim.number("num_value");
                int precision = decimalsOf(stated);
                List<Double> candidates = claim.text("kind").equals("change_pp")
                        ? List.of(y.costChangePp(), y.productionChangePp())
                        : List.of((y.costIndex() - 1) * 100, (y.productionIndex() - 1) * 100, y.efficiency() * 100);
                if (area.equals("PLO") && stated == -0.082) {
                    // "0,082 prosent under ASSS-snittet": the ratio printed as a percent; the efficiency is −8,2 %
                    assertThat(rounded(y.efficiency(), 3)).isEqualTo(stated);
                    assertThat(rounded(y.efficiency() * 100, 1)).isEqualTo(-8.2);
                } else {
                    assertThat(candidates.stream().map(v -> rounded(v, precision)).toList()).as(claim.text("quote")).contains(stated);
                }
                checked++;
            }
        }
        assertThat(checked).isEqualTo(9);
    }

    private List<StoredRow> claimsAboutBaerum() {
        AnalysisRepository repository = new AnalysisRepository(seeded.services().database());
        List<StoredRow> out = new ArrayList<>();
        for (String area : List.of("KHT", "PLO")) {
            repository.statedFigures(area).stream()
                    .filter(c -> c.text("indicator_id") != null && c.text("region_code").equals("3201"))
                    .forEach(out::add);
        }
        return out;
    }

    private ProfileRow row(String indicator, int year) {
        Catalog catalog = seeded.services().catalogs().current();
        return seeded.services().profiles().profile("3201", catalog.profilesOf(indicator, year).get(0), year).rows().stream()
                .filter(r -> r.indicator().equals(indicator)).findFirst().orElseThrow();
    }

    private static int decimalsOf(double stated) {
        return Math.max(BigDecimal.valueOf(stated).stripTrailingZeros().scale(), 0);
    }

    private static double rounded(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }
}
