package no.kostra.compute.barometer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Kommunebarometeret's places beside the ASSS members, and the municipality's place in words. */
class StandingsTest {
    private static final List<String> ASSS = List.of("0301", "4601", "3201", "3301");

    private static List<Place> edition() {
        List<Place> places = new ArrayList<>();
        // test places: Bærum 33rd overall and 355th in pleie og omsorg, as 003 says for 2019; the others made up
        places.add(new Place(2019, "3201", "Bærum", "Totalt", 33, 422, 4.05));
        places.add(new Place(2019, "0301", "Oslo", "Totalt", 120, 422, 3.8));
        places.add(new Place(2019, "4601", "Bergen", "Totalt", 20, 422, 4.2));
        places.add(new Place(2019, "3301", "Drammen", "Totalt", 200, 422, null));
        places.add(new Place(2019, "3201", "Bærum", "Pleie og omsorg", 355, 422, null));
        places.add(new Place(2019, "0301", "Oslo", "Pleie og omsorg", 300, 422, null));
        places.add(new Place(2019, "9999", "Utenfor", "Pleie og omsorg", 1, 422, null));
        return places;
    }

    @Test
    void eachSectorListsTheMunicipalityAndTheMembersBestFirstTotalFirst() {
        Standings all = Standings.of(2019, "3201", "Bærum", edition(), List.of(), ASSS);

        assertThat(all.sectors()).containsExactly("Totalt", "Pleie og omsorg");
        assertThat(all.rows()).extracting(p -> p.sector() + " " + p.regionName() + " " + p.rank())
                .containsExactly("Totalt Bergen 20", "Totalt Bærum 33", "Totalt Oslo 120", "Totalt Drammen 200",
                        "Pleie og omsorg Oslo 300", "Pleie og omsorg Bærum 355");
    }

    @Test
    void thePlaceAmongTheMembersIsToldWhereEveryMemberHasOne() {
        Standings all = Standings.of(2019, "3201", "Bærum", edition(), List.of(), ASSS);

        assertThat(all.sentence("Totalt")).isEqualTo("Kommunebarometeret 2019 (KOSTRA-tall for 2018), samlet: Bærum er rangert"
                + " på 33. plass av 422 (karakter 4,05), som nummer 2 av de 4 ASSS-kommunene.");
        assertThat(all.sentence("Pleie og omsorg")).isEqualTo("Kommunebarometeret 2019 (KOSTRA-tall for 2018), pleie og omsorg:"
                + " Bærum er rangert på 355. plass av 422.");
        assertThat(all.sentence("Helse")).isEqualTo("Kommunebarometeret 2019 (KOSTRA-tall for 2018), helse: ingen plass for"
                + " Bærum er importert; importer kommunebarometer.csv med barometerets tabell.");
    }
}
