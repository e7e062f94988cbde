package no.kostra.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.kostra.compute.NorwegianFormat;
import no.kostra.errors.NotFoundException;

/**
 * The templates the service fills, each an ordinary .xlsx in {@code workbook-templates/} (packaged into the jar under
 * the same folder). An analyst may edit a file in Excel as long as the table and defined names stay.
 */
public final class ReportTemplates {
    public static final String RESOURCE_FOLDER = "workbook-templates/";

    private static final List<ReportTemplate> ALL = List.of(
            new ReportTemplate("kommunehelse", "Kommunehelse", "KHT", "Kommunehelse", "kommunehelse.xlsx", List.of(
                    new TemplatePart.Profile("KHT"),
                    new TemplatePart.Series("KHT"),
                    new TemplatePart.Efficiency("KHT"))),
            new ReportTemplate("pleie-og-omsorg", "Pleie og omsorg", "PLO", "Pleie og omsorg", "pleie-og-omsorg.xlsx", List.of(
                    new TemplatePart.Profile("PLO"),
                    new TemplatePart.Profile("PLO_0_66"),
                    new TemplatePart.Profile("PLO_67"),
                    new TemplatePart.Profile("PLO_TTU"),
                    new TemplatePart.Efficiency("PLO"))),
            new ReportTemplate("sammendrag", "Sammendrag for alle tjenesteområder", ReportTemplate.ALL_AREAS,
                    "Alle tjenesteområder", "sammendrag.xlsx", List.of(
                    new TemplatePart.Summary(List.of("KHT", "PLO", "PLO_0_66", "PLO_67", "PLO_TTU")))));

    private ReportTemplates() {
    }

    public static List<ReportTemplate> all() {
        return ALL;
    }

    public static Optional<ReportTemplate> find(String id) {
        String wanted = id == null ? "" : id.trim().toLowerCase(java.util.Locale.ROOT);
        return ALL.stream().filter(t -> t.id().equals(wanted)).findFirst();
    }

    public static ReportTemplate require(String id) {
        List<String> known = ALL.stream().map(ReportTemplate::id).toList();
        return find(id).orElseThrow(() -> new NotFoundException("Fant ikke rapportmalen '" + id + "'; malene er "
                + NorwegianFormat.list(known) + ".", Map.of("asked", String.valueOf(id), "known", known)));
    }

    /** The packaged template file's bytes. */
    public static byte[] packagedBytes(ReportTemplate template) {
        String resource = RESOURCE_FOLDER + template.fileName();
        try (InputStream in = ReportTemplates.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Template file " + resource + " is not packaged");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Reading template " + resource, e);
        }
    }
}
