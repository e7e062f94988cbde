package no.kostra.web;

import java.util.List;
import no.kostra.compute.ProfileRow;
import no.kostra.compute.accounts.AccountLines;
import no.kostra.compute.accounts.AccountsReport;
import no.kostra.compute.accounts.FteTable;
import no.kostra.compute.accounts.KpiTable;
import no.kostra.compute.accounts.NeedsProjection;
import no.kostra.compute.ProfileTable;
import no.kostra.compute.asss.Comparison;
import no.kostra.compute.asss.Discrepancy;
import no.kostra.compute.asss.ResourceUse;
import no.kostra.compute.efficiency.EfficiencyReport;
import no.kostra.compute.efficiency.EfficiencyYear;
import no.kostra.compute.series.Series;
import no.kostra.compute.splits.CostSplit;
import no.kostra.compute.splits.HomeCareSplit;

/** The CSV form of each analysis answer: one row per figure, column names in bokmål as the workbooks use them. */
final class AnalysisCsv {
    private AnalysisCsv() {
    }

    static CsvSheet comparison(Comparison c) {
        CsvSheet.Builder sheet = CsvSheet.of("indikator", "år", "region", "navn", "verdi", "grunnlag", "avvik_prosent");
        sheet.row(c.indicator(), c.year(), c.region(), c.regionName(), c.value(), "observation", null);
        sheet.row(c.indicator(), c.year(), "ASSS", "ASSS-snitt", c.asssMean(), c.asssBasis(), c.deviationPercent());
        for (Comparison.Other o : c.others()) {
            sheet.row(c.indicator(), c.year(), o.code(), o.name(), o.value(), o.basis(), o.deviationPercent());
        }
        return sheet.build();
    }

    static CsvSheet resourceUse(List<ResourceUse.Member> members) {
        CsvSheet.Builder sheet = CsvSheet.of("region", "utgift_per_innbygger", "utgiftsbehov", "r", "ressursbruksindikator");
        members.forEach(m -> sheet.row(m.region(), m.spending(), m.need(), m.ratio(), m.indicator()));
        return sheet.build();
    }

    static CsvSheet discrepancies(List<Discrepancy> list) {
        CsvSheet.Builder sheet = CsvSheet.of("indikator", "gruppe", "år", "statistikk", "publisert", "beregnet", "differanse");
        list.forEach(d -> sheet.row(d.indicator(), d.group(), d.year(), d.statistic(), d.published(), d.computed(), d.difference()));
        return sheet.build();
    }

    static CsvSheet efficiency(EfficiencyReport r) {
        CsvSheet.Builder sheet = CsvSheet.of("region", "område", "år", "kostnadsindeks", "produksjonsindeks", "effektivitet",
                "grunnlag", "endring_kostnad_pp", "endring_produksjon_pp", "endring_effektivitet_pp");
        for (EfficiencyYear y : r.years()) {
            sheet.row(r.region().code(), r.area(), y.year(), y.costIndex(), y.productionIndex(), y.efficiency(), y.basis(),
                    y.costChangePp(), y.productionChangePp(), y.efficiencyChangePp());
        }
        return sheet.build();
    }

    static CsvSheet series(Series s) {
        CsvSheet.Builder sheet = CsvSheet.of("indikator", "region", "navn", "år", "verdi", "status", "nominell", "faktor", "justering");
        for (Series.Line line : s.lines()) {
            for (Series.Value v : line.values()) {
                sheet.row(s.indicator().id(), line.region().code(), line.region().name(), v.year(), v.value(), v.status(),
                        v.nominal(), v.factor(), s.adjust());
            }
        }
        return sheet.build();
    }

    static CsvSheet costSplit(CostSplit s) {
        CsvSheet.Builder sheet = CsvSheet.of("tabell", "funksjon", "enhet", "år", "mill_kroner", "andel_prosent");
        for (CostSplit.UnitRow unit : s.units()) {
            for (CostSplit.YearShare v : unit.values()) {
                sheet.row(s.table(), s.function(), unit.unit(), v.year(), v.value(), v.sharePercent());
            }
        }
        for (CostSplit.Total t : s.totals()) {
            sheet.row(s.table(), s.function(), CostSplit.TOTAL, t.year(), t.printed() != null ? t.printed() : t.sumOfUnits(), 100.0);
        }
        return sheet.build();
    }

    static CsvSheet homeCare(HomeCareSplit h) {
        return CsvSheet.of("år", "profil", "timer_per_uke", "andel_prosent", "mill_kroner")
                .row(h.year(), "PLO_0_66", h.hours0to66(), h.share0to66Percent(), h.cost0to66())
                .row(h.year(), "PLO_67", h.hours67(), h.share67Percent(), h.cost67())
                .build();
    }

    static CsvSheet accounts(AccountsReport r) {
        CsvSheet.Builder sheet = CsvSheet.of("område", "tabell", "linje", "overordnet", "år", "verdi", "andel_prosent",
                "endring_prosent");
        for (AccountLines t : r.tables()) {
            for (AccountLines.Row row : t.rows()) {
                for (AccountLines.Cell c : row.values()) {
                    sheet.row(r.area(), t.table(), row.line(), row.parent(), c.year(), c.value(), c.sharePercent(), c.growthPercent());
                }
            }
        }
        for (FteTable.Row row : r.fte().services()) {
            for (FteTable.Cell c : row.values()) {
                sheet.row(r.area(), "årsverk", row.service(), null, c.year(), c.value(), null, c.changePercent());
            }
        }
        for (FteTable.Cell c : r.fte().sum()) {
            sheet.row(r.area(), "årsverk", "Sum årsverk", null, c.year(), c.value(), null, c.changePercent());
        }
        for (KpiTable.Row k : r.kpis().kpis()) {
            k.values().forEach((year, value) -> sheet.row(r.area(), "KPI", k.kpi(), null, year, value, null, null));
        }
        return sheet.build();
    }

    static CsvSheet projection(NeedsProjection p) {
        CsvSheet.Builder sheet = CsvSheet.of("år", "målgruppe", "dekningsgrad_prosent", "brukere");
        p.users().forEach((year, users) -> sheet.row(year, p.population().get(year), p.coveragePercent(), users));
        return sheet.build();
    }

    static CsvSheet profile(ProfileTable p) {
        CsvSheet.Builder sheet = CsvSheet.of("indikator", "navn", "kategori", "enhet", p.years().get(0) + "", p.years().get(1) + "",
                p.years().get(2) + "", "snitt_asss", "høyest_asss", "lavest_asss", "indeks", "avvik_prosent", "tekst");
        for (ProfileRow row : p.rows()) {
            sheet.row(row.indicator(), row.name(), row.category(), row.unitName(), row.values().get(0).value(),
                    row.values().get(1).value(), row.values().get(2).value(), row.asss().mean().value(),
                    row.asss().high().value(), row.asss().low().value(), row.index(), row.deviationPercent(),
                    String.join(" ", row.narrative()));
        }
        return sheet.build();
    }
}
