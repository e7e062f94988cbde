package no.kostra.compute.accounts;

import java.util.List;

/** Everything the own-accounts chapter of one area shows, with the printed figures checked. */
public record AccountsReport(String area, List<AccountLines> tables, FteTable fte, KpiTable kpis, List<PrintedCheck> checks) {
    public AccountsReport {
        tables = List.copyOf(tables);
        checks = List.copyOf(checks);
    }
}
