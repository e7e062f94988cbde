package no.kostra.compute.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A figure printed in the accounts report set beside the one computed from the stored lines.
 *
 * @param computed   null when the stored lines do not give it
 * @param difference computed − printed
 */
public record PrintedCheck(String table, String line, int year, String kind, double printed, Double computed,
                           Double difference) {

    /** A printed figure to check. */
    public record Printed(String table, String line, int year, String kind, double value) {
    }

    /**
     * @param trendPerYearTables tables whose KPI trend is printed as an average per year; elsewhere the trend is the
     *                           total change over the three years (004: PLO "Årlig trend siste 3 år (snitt pr. år)",
     *                           HESO "Trend siste 3 år")
     */
    public static List<PrintedCheck> compare(List<Printed> printed, List<AccountLines> tables, FteTable fte, KpiTable kpis,
                                             List<String> trendPerYearTables) {
        List<PrintedCheck> out = new ArrayList<>();
        for (Printed p : printed) {
            Double computed = switch (p.kind()) {
                case "share_percent" -> lineCell(tables, p).map(AccountLines.Cell::sharePercent).orElse(null);
                case "growth_percent" -> lineCell(tables, p).map(AccountLines.Cell::growthPercent).orElse(null);
                case "total" -> fteCell(fte.sum(), p.year()).map(FteTable.Cell::value).orElse(null);
                case "change_percent" -> fteCells(fte, p.line()).flatMap(cells -> fteCell(cells, p.year()))
                        .map(FteTable.Cell::changePercent).orElse(null);
                case "trend" -> kpis.kpis().stream().filter(k -> k.kpi().equals(p.line())).findFirst()
                        .map(k -> trendPerYearTables.contains(p.table()) ? k.trendPerYear() : k.changeOverThreeYears())
                        .orElse(null);
                default -> null;
            };
            out.add(new PrintedCheck(p.table(), p.line(), p.year(), p.kind(), p.value(), computed,
                    computed == null ? null : computed - p.value()));
        }
        return out;
    }

    private static Optional<AccountLines.Cell> lineCell(List<AccountLines> tables, Printed p) {
        return tables.stream().filter(t -> t.table().equals(p.table())).flatMap(t -> t.rows().stream())
                .filter(r -> r.line().equals(p.line())).flatMap(r -> r.values().stream())
                .filter(c -> c.year() == p.year()).findFirst();
    }

    private static Optional<List<FteTable.Cell>> fteCells(FteTable fte, String line) {
        if (line.equals("Sum årsverk")) {
            return Optional.of(fte.sum());
        }
        return fte.services().stream().filter(r -> r.service().equals(line)).findFirst().map(FteTable.Row::values);
    }

    private static Optional<FteTable.Cell> fteCell(List<FteTable.Cell> cells, int year) {
        return cells.stream().filter(c -> c.year() == year).findFirst();
    }
}
