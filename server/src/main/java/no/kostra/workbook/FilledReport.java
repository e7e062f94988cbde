package no.kostra.workbook;

import java.util.Objects;
import no.kostra.compute.ProfileTable;

/**
 * A filled workbook and the file name a person would keep it under ("KOSTRA 2024 Kommunehelse - Bærum.xlsx").
 *
 * @param dataRevision the data revision it was filled at
 */
public record FilledReport(ReportTemplate template, ProfileTable.RegionRef region, int year, long dataRevision, byte[] xlsx) {
    public FilledReport {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(xlsx, "xlsx");
    }

    /** The same report as other bytes (the workbook made refreshable). */
    public FilledReport withXlsx(byte[] other) {
        return new FilledReport(template, region, year, dataRevision, other);
    }

    public String fileName() {
        return "KOSTRA " + year + " " + template.title() + " - " + region.name() + ".xlsx";
    }
}
