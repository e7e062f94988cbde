package no.kostra.web;

import java.util.List;
import no.kostra.compute.NorwegianFormat;
import no.kostra.compute.ProfileRow;
import no.kostra.compute.accounts.AccountLines;
import no.kostra.compute.accounts.AccountsReport;
import no.kostra.compute.accounts.FteTable;
import no.kostra.compute.accounts.KpiTable;
import no.kostra.compute.accounts.NeedsProjection;
import no.kostra.compute.ProfileTable;
import no.kostra.compute.YearFigure;
import no.kostra.compute.asss.Comparison;
import no.kostra.compute.asss.Discrepancy;
import no.kostra.compute.asss.ResourceUse;
import no.kostra.compute.efficiency.EfficiencyReport;
import no.kostra.compute.efficiency.EfficiencyYear;
import no.kostra.compute.series.Series;
import no.kostra.compute.splits.CostSplit;
import no.kostra.compute.splits.HomeCareSplit;
import no.kostra.observation.Status;

/** The CSV form of each analysis answer: one row per figure, column names in bokmål as the workbooks use them. */
final class AnalysisCsv {
    /** The decimals the workbook's profile table shows an index and a deviation with. */
    private static final int DERIVED_DECIMALS = 1;

    private AnalysisCsv() {
    }

    static CsvSheet comparison(Comparison c) {
        CsvSheet.Builder sheet = CsvSheet.of("indikator", "år", "region", "navn", "verdi", "årgang", "grunnlag", "avvik_prosent");
        sheet.row(c.indicator(), c.year(), c.region(), c.regionName(), c.value(), c.vintage(), "observation", null);
        sheet.row(c.indicator(), c.year(), "ASSS", "ASSS-snitt", c.asssMean(), c.asssVintage(), c.asssBasis(), c.deviationPercent());
        for (Comparison.Other o : c.others()) {
            sheet.row(c.indicator(), c.year(), o.code(), o.name(), o.value(), o.vintage(), o.basis(), o.deviationPercent());
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
        CsvSheet.Builder sheet = CsvSheet.of("indikator", "region", "navn", "år", "verdi", "status", "årgang", "nominell", "faktor",
                "justering");
        for (Series.Line line : s.lines()) {
            for (Series.Value v : line.values()) {
                sheet.row(s.indicator().id(), line.region().code(), line.region().name(), v.year(), v.value(), v.status(),
                        v.vintage(), v.nominal(), v.factor(), s.adjust());
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
        CsvSheet.Builder sheet = CsvSheet.of("år", "profil", "navn", "timer_per_uke", "andel_prosent", "mill_kroner");
        h.parts().forEach(p -> sheet.row(h.year(), p.profile(), p.title(), p.hours(), p.sharePercent(), p.cost()));
        return sheet.build();
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

    /**
     * The profile as its table in the report workbook shows it: each figure rounded to the indicator's decimals (a
     * mean of 1,000 keeps its zeros), index and deviation to one decimal (the workbook's {@code #,##0.0}), and a
     * figure that is missing as its status symbol ({@code ..} where there is none), never an empty cell.
     */
    static CsvSheet profile(ProfileTable p) {
        CsvSheet.Builder sheet = CsvSheet.of("indikator", "navn", "kategori", "enhet", p.years().get(0) + "", p.years().get(1) + "",
                p.years().get(2) + "", "snitt_asss", "høyest_asss", "lavest_asss", "indeks", "avvik_prosent", "tekst");
        for (ProfileRow row : p.rows()) {
            int d = row.decimals();
            sheet.row(row.indicator(), row.name(), row.category(), row.unitName(), shown(row.values().get(0), d),
                    shown(row.values().get(1), d), shown(row.values().get(2), d), shown(row.asss().mean(), d),
                    shown(row.asss().high(), d), shown(row.asss().low(), d), shown(row.index(), DERIVED_DECIMALS),
                    shown(row.deviationPercent(), DERIVED_DECIMALS), String.join(" ", row.narrative()));
        }
        return sheet.build();
    }

    private static Object shown(YearFigure figure, int decimals) {
        if (figure != null && figure.value() != null) {
            return NorwegianFormat.round(figure.value(), decimals);
        }
        return figure == null || figure.status() == null ? Status.NOT_AVAILABLE.symbol() : figure.status();
    }

    private static Object shown(Double value, int decimals) {
        return value == null ? Status.NOT_AVAILABLE.symbol() : NorwegianFormat.round(value, decimals);
    }
}
