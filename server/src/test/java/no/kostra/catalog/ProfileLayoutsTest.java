package no.kostra.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule that turns {@code profile_rows.csv} lines into a profile's rows for a year. */
class ProfileLayoutsTest {
    private static ProfileEntry line(String profile, int first, Integer last, int sort, String indicator, MeanKind kind) {
        return new ProfileEntry(profile, first, last, sort, "Kategori", indicator, kind);
    }

    private static final List<ProfileEntry> LAYOUT_2021 = List.of(
            line("KHT", 2021, null, 1, "KHT.ressursbruk", MeanKind.FLAT),
            line("KHT", 2021, null, 2, "KHT.sykefravaer", MeanKind.FLAT),
            line("KHT", 2021, 2022, 3, "KHT.utgaar", MeanKind.WEIGHTED));
    private static final List<ProfileEntry> LAYOUT_2024 = List.of(
            line("KHT", 2024, null, 1, "KHT.ressursbruk", MeanKind.FLAT),
            line("KHT", 2024, null, 2, "KHT.netto", MeanKind.WEIGHTED),
            line("KHT", 2024, null, 3, "KHT.sykefravaer", MeanKind.WEIGHTED));

    private static List<String> ids(ProfileLayouts layouts, int year) {
        return layouts.rows("KHT", year).stream().map(ProfileEntry::indicator).toList();
    }

    private static ProfileLayouts both() {
        List<ProfileEntry> all = new ArrayList<>(LAYOUT_2021);
        all.addAll(LAYOUT_2024);
        return new ProfileLayouts(all);
    }

    @Test
    void anOpenLineLastsUntilTheProfilesNextLayoutStartsAndLastYearOnlyEndsItEarlier() {
        ProfileLayouts layouts = both();

        assertThat(ids(layouts, 2020)).isEmpty();
        assertThat(ids(layouts, 2021)).containsExactly("KHT.ressursbruk", "KHT.sykefravaer", "KHT.utgaar");
        assertThat(ids(layouts, 2022)).containsExactly("KHT.ressursbruk", "KHT.sykefravaer", "KHT.utgaar");
        assertThat(ids(layouts, 2023)).containsExactly("KHT.ressursbruk", "KHT.sykefravaer");
        assertThat(ids(layouts, 2024)).containsExactly("KHT.ressursbruk", "KHT.netto", "KHT.sykefravaer");
        assertThat(ids(layouts, 2030)).containsExactly("KHT.ressursbruk", "KHT.netto", "KHT.sykefravaer");
    }

    @Test
    void aLaterLayoutNeverChangesAnEarlierYearAndAnEarlierOneStopsBeforeTheLater() {
        ProfileLayouts only2021 = new ProfileLayouts(LAYOUT_2021);
        ProfileLayouts only2024 = new ProfileLayouts(LAYOUT_2024);
        ProfileLayouts together = both();

        for (int year = 2019; year <= 2023; year++) {
            assertThat(together.rows("KHT", year)).as("" + year).isEqualTo(only2021.rows("KHT", year));
        }
        for (int year = 2024; year <= 2027; year++) {
            assertThat(together.rows("KHT", year)).as("" + year).isEqualTo(only2024.rows("KHT", year));
        }
    }

    @Test
    void theRowsOfEveryYearDoNotDependOnTheOrderTheLinesCameIn() {
        List<ProfileEntry> shuffled = new ArrayList<>(LAYOUT_2024);
        shuffled.addAll(LAYOUT_2021);
        Collections.reverse(shuffled);
        ProfileLayouts other = new ProfileLayouts(shuffled);

        for (int year = 2019; year <= 2027; year++) {
            assertThat(other.rows("KHT", year)).as("" + year).isEqualTo(both().rows("KHT", year));
        }
    }

    @Test
    void anIndicatorsMeanKindIsTheOneItsRowsHaveThatYear() {
        ProfileLayouts layouts = both();

        assertThat(layouts.meanKind("KHT.sykefravaer", 2021)).contains(MeanKind.FLAT);
        assertThat(layouts.meanKind("KHT.sykefravaer", 2024)).contains(MeanKind.WEIGHTED);
        assertThat(layouts.meanKind("KHT.netto", 2021)).isEmpty();
    }

    @Test
    void twoRowsAtOnePlaceAndOneIndicatorBothFlatAndWeightedInAYearAreProblems() {
        List<ProfileEntry> lines = new ArrayList<>(LAYOUT_2024);
        lines.add(line("KHT", 2024, null, 3, "KHT.annen", MeanKind.WEIGHTED));
        lines.add(line("PLO", 2023, null, 1, "KHT.sykefravaer", MeanKind.FLAT));

        List<ProfileLayouts.Problem> problems = new ProfileLayouts(lines).problems();

        assertThat(problems).extracting(ProfileLayouts.Problem::column).containsExactlyInAnyOrder("sort", "mean_kind");
        assertThat(problems).extracting(ProfileLayouts.Problem::message).anyMatch(m -> m.contains("i 2024"));
        assertThat(new ProfileLayouts(LAYOUT_2021).problems()).isEmpty();
    }
}
