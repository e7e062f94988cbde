package no.kostra.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.kostra.compute.accounts.AccountLines;
import no.kostra.compute.accounts.AccountsReport;
import no.kostra.compute.accounts.FteTable;
import no.kostra.compute.accounts.KpiTable;
import no.kostra.compute.accounts.NeedsProjection;
import no.kostra.compute.accounts.PrintedCheck;
import no.kostra.errors.NotFoundException;
import no.kostra.store.AnalysisRepository;
import no.kostra.store.StoredRow;

/** The own-accounts tables of an area (004), computed from the stored lines, FTEs and KPIs. */
public final class AccountsService {
    /** 004 prints the PLO KPI trend per year ("Årlig trend siste 3 år (snitt pr. år)"), HESO's as a total. */
    static final List<String> TREND_PER_YEAR_TABLES = List.of("Tabell 5");

    private final AnalysisRepository repository;

    AccountsService(AnalysisRepository repository) {
        this.repository = repository;
    }

    public AccountsReport accounts(String area) {
        String code = area.trim().toUpperCase(java.util.Locale.ROOT);
        List<StoredRow> lines = repository.accountsLines(code);
        List<StoredRow> fte = repository.accountsFte(code);
        List<StoredRow> kpis = repository.kpis(code);
        if (lines.isEmpty() && fte.isEmpty() && kpis.isEmpty()) {
            throw new NotFoundException("Ingen regnskapstall for " + area, Map.of("asked", area));
        }
        Map<String, List<AccountLines.Line>> byTable = new LinkedHashMap<>();
        lines.forEach(r -> byTable.computeIfAbsent(r.text("table_name"), t -> new ArrayList<>()).add(new AccountLines.Line(
                r.text("line"), r.text("parent"), r.integer("ref_year"), r.number("num_value"))));
        List<AccountLines> tables = new ArrayList<>();
        byTable.forEach((table, list) -> tables.add(AccountLines.compute(code, table, list)));
        FteTable fteTable = FteTable.compute(code, fte.stream().map(r -> new FteTable.Entry(r.text("service"),
                r.integer("ref_year"), r.number("num_value"))).toList());
        KpiTable kpiTable = KpiTable.compute(code, kpis.stream().map(r -> new KpiTable.Entry(r.text("kpi"),
                r.integer("direction"), r.text("unit"), r.integer("ref_year"), r.number("num_value"))).toList());
        List<PrintedCheck.Printed> printed = repository.accountsPrintedChecks(code).stream().map(r -> new PrintedCheck.Printed(
                r.text("table_name"), r.text("line"), r.integer("ref_year"), r.text("kind"), r.number("num_value"))).toList();
        return new AccountsReport(code, tables, fteTable, kpiTable,
                PrintedCheck.compare(printed, tables, fteTable, kpiTable, TREND_PER_YEAR_TABLES));
    }

    public NeedsProjection projection(double coveragePercent, Map<Integer, Double> population) {
        return NeedsProjection.project(coveragePercent, population);
    }
}
