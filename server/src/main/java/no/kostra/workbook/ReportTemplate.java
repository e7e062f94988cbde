package no.kostra.workbook;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * A report template as the catalogue defines it (see {@link ReportTemplates}): the file an analyst may keep an edited
 * copy under, and the parts the filler expects in it. Equal templates design to the same workbook.
 *
 * @param area the service area code, or {@link #ALL_AREAS} for the summary across areas
 */
public record ReportTemplate(String id, String title, String area, String areaTitle, String fileName,
                             List<TemplatePart> parts) {
    public static final String ALL_AREAS = "ALLE";
    /** Defined names every template has on its first sheet. */
    public static final String TITLE_NAME = "Rapport_Tittel";
    public static final String SOURCE_NAME = "Rapport_Kilde";

    public ReportTemplate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(fileName, "fileName");
        parts = List.copyOf(parts);
    }

    /** Every profile this template shows, in order. */
    public List<String> profileCodes() {
        LinkedHashSet<String> codes = new LinkedHashSet<>();
        for (TemplatePart part : parts) {
            if (part instanceof TemplatePart.Profile profile) {
                codes.add(profile.profileCode());
            } else if (part instanceof TemplatePart.Summary summary) {
                codes.addAll(summary.profileCodes());
            } else if (part instanceof TemplatePart.Overview overview) {
                overview.areas().forEach(a -> codes.addAll(a.profileCodes()));
            }
        }
        return List.copyOf(codes);
    }
}
