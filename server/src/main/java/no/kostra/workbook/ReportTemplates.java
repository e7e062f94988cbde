package no.kostra.workbook;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import no.kostra.catalog.Catalog;
import no.kostra.catalog.ProfileDefinition;
import no.kostra.errors.NotFoundException;
import no.kostra.text.NorwegianList;

/**
 * The report templates a catalogue defines: one per service area of its profiles (the profiles on the sheets the
 * catalogue names, the area's Kommunebarometeret sectors, its series indicators, its efficiency split), and the
 * summary across every area. A new area, profile or series indicator imported into the catalogue is a new template or
 * part at once: no code and no hand-made workbook. Immutable.
 */
public final class ReportTemplates {
    public static final String SUMMARY_ID = "sammendrag";
    /** Where an analyst's edited copy of a template is packaged; a file there replaces the designed template. */
    public static final String RESOURCE_FOLDER = "workbook-templates/";
    /** The sheet of an area's only profile when the catalogue names none. */
    static final String PROFILE_SHEET = "Profil";

    private final List<ReportTemplate> all;

    private ReportTemplates(List<ReportTemplate> all) {
        this.all = List.copyOf(all);
    }

    public static ReportTemplates of(Catalog catalog) {
        Map<String, List<ProfileDefinition>> byArea = new LinkedHashMap<>();
        for (ProfileDefinition profile : catalog.profiles()) {
            byArea.computeIfAbsent(profile.area(), a -> new ArrayList<>()).add(profile);
        }
        List<ReportTemplate> templates = new ArrayList<>();
        Set<String> ids = new HashSet<>(Set.of(SUMMARY_ID));
        List<TemplatePart.Overview.Area> areas = new ArrayList<>();
        byArea.forEach((area, profiles) -> {
            String title = profiles.get(0).areaTitle();
            String id = id(title);
            templates.add(area(catalog, ids.add(id) ? id : id + "-" + id(area), area, profiles));
            areas.add(new TemplatePart.Overview.Area(area, title, profiles.stream().map(ProfileDefinition::code).toList(),
                    profiles.stream().map(ProfileDefinition::resourceIndicator).filter(Objects::nonNull).findFirst().orElse(null),
                    sectors(profiles)));
        });
        templates.add(new ReportTemplate(SUMMARY_ID, "Sammendrag for alle tjenesteområder", ReportTemplate.ALL_AREAS,
                "Alle tjenesteområder", SUMMARY_ID + ".xlsx", List.of(new TemplatePart.Overview(areas), new TemplatePart.Findings(),
                new TemplatePart.BarometerSummary(), new TemplatePart.Summary(areas.stream()
                        .flatMap(a -> a.profileCodes().stream()).toList()))));
        return new ReportTemplates(templates);
    }

    /** An area's workbook: its profiles in catalogue order, its barometer sectors, its series, its efficiency split. */
    private static ReportTemplate area(Catalog catalog, String id, String area, List<ProfileDefinition> profiles) {
        List<TemplatePart> parts = new ArrayList<>();
        for (ProfileDefinition p : profiles) {
            String sheet = p.sheetTitle() != null ? p.sheetTitle()
                    : profiles.size() == 1 ? PROFILE_SHEET : (PROFILE_SHEET + " " + p.code()).substring(0,
                            Math.min(PROFILE_SHEET.length() + 1 + p.code().length(), ProfileDefinition.SHEET_TITLE_MAX));
            parts.add(new TemplatePart.Profile(p.code(), p.title(), sheet));
        }
        List<String> sectors = sectors(profiles);
        if (!sectors.isEmpty()) {
            parts.add(new TemplatePart.Barometer(area, sectors));
        }
        // A series is an area's indicator that is no profile's row in any year: a row's indicator never doubles as one.
        List<TemplatePart.Series.Chart> series = catalog.indicatorsOfArea(area).stream()
                .filter(i -> !catalog.isProfileIndicator(i.id()))
                .map(i -> new TemplatePart.Series.Chart(i.id(), i.name())).toList();
        if (!series.isEmpty()) {
            parts.add(new TemplatePart.Series(area, series));
        }
        parts.add(new TemplatePart.Efficiency(area));
        String title = profiles.get(0).areaTitle();
        return new ReportTemplate(id, title, area, title, id + ".xlsx", parts);
    }

    private static List<String> sectors(List<ProfileDefinition> profiles) {
        return profiles.stream().map(ProfileDefinition::barometerSector).filter(Objects::nonNull).distinct().toList();
    }

    /** A template id as a person would type it: the area's title in lower case, words joined by hyphens, ASCII. */
    public static String id(String title) {
        String folded = title.toLowerCase(Locale.ROOT).replace("æ", "ae").replace("ø", "o").replace("å", "a");
        String ascii = Normalizer.normalize(folded, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    public List<ReportTemplate> all() {
        return all;
    }

    public Optional<ReportTemplate> find(String id) {
        String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        return all.stream().filter(t -> t.id().equals(wanted)).findFirst();
    }

    public ReportTemplate require(String id) {
        return find(id).orElseThrow(() -> {
            List<String> known = all.stream().map(ReportTemplate::id).toList();
            return new NotFoundException("Fant ikke rapportmalen '" + id + "'; malene er " + NorwegianList.and(known),
                    Map.of("asked", String.valueOf(id), "known", known));
        });
    }
}
