package no.kostra.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import no.kostra.service.Services;
import no.kostra.workbook.ReportTemplate;

/**
 * The report templates the seeds can fill for a municipality and year: the summary (which names an area without
 * figures as such) and every area whose profiles have figures for the municipality that year. The seeds have figures
 * for Kommunehelse and Pleie og omsorg only; the areas the catalogue has since the "areas" branch (Barnehage,
 * Grunnskole, …) get theirs from the StatBank update, and filling them from the seeds is a NotFoundException. A test
 * that loops over the templates loops over these; every template that can be filled is in it, and kommunehelse,
 * pleie-og-omsorg and sammendrag always are.
 */
public final class FillableTemplates {
    private FillableTemplates() {
    }

    public static List<ReportTemplate> of(Services services, String region, int year) {
        List<ReportTemplate> fillable = services.reports().templates().all().stream()
                .filter(t -> t.area().equals(ReportTemplate.ALL_AREAS) || t.profileCodes().stream().allMatch(code -> services.profiles()
                        .years(region, code).withProfile().orElseThrow().contains(year)))
                .toList();
        assertThat(fillable).extracting(ReportTemplate::id).as("templates the seeds fill for " + region + " " + year)
                .contains("kommunehelse", "pleie-og-omsorg", "sammendrag");
        return fillable;
    }
}
