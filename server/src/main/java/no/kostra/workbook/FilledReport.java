package no.kostra.workbook;

import java.util.Objects;
import no.kostra.compute.ProfileTable;

/** A filled workbook and the file name a person would keep it under ("KOSTRA 2024 Kommunehelse - Bærum.xlsx"). */
public record FilledReport(ReportTemplate template, ProfileTable.RegionRef region, int year, byte[] xlsx) {
    public FilledReport {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(xlsx, "xlsx");
    }

    public String fileName() {
        return "KOSTRA " + year + " " + template.title() + " - " + region.name() + ".xlsx";
    }
}
