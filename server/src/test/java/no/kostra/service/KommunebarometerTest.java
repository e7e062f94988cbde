package no.kostra.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import no.kostra.compute.barometer.Place;
import no.kostra.errors.InvalidInputException;
import no.kostra.support.AllAtOnce;
import no.kostra.support.SeededServicesExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Kommunebarometeret's places and grades, imported from the table an analyst copies from the published barometer
 * (kommunebarometer.csv: year,municipality,sector,rank,of,grade,source), checked like every reference table.
 */
class KommunebarometerTest {
    private static final String HEADER = "year,municipality,sector,rank,of,grade,source\n";

    @RegisterExtension
    final SeededServicesExtension seeded = new SeededServicesExtension();

    private int importBarometer(String rows) {
        return seeded.services().analysis().referenceData().importFile("kommunebarometer.csv", HEADER + rows);
    }

    private List<String> edition(int year) {
        return seeded.services().analysis().kommunebarometer().edition(year).stream()
                .map(p -> p.region() + " " + p.sector() + " " + p.rank() + "/" + p.of() + " " + p.grade()).toList();
    }

    @Test
    void theSeedsHoldBaerumsPlacesInTheBarometerOf2019As003StatesThem() {
        // 003: "rangert på 7. plass" (grunnskole), 316 (barnehage), 80 (barnevern), 355 (pleie og omsorg) "av 422
        // rangerte kommuner"; "Samlet er Bærum rangert på 33. plass". Stored under 0219, Bærum's number then.
        assertThat(edition(2019)).containsExactlyInAnyOrder("3201 Barnehage 316/422 null", "3201 Barnevern 80/422 null",
                "3201 Grunnskole 7/422 null", "3201 Pleie og omsorg 355/422 null", "3201 Totalt 33/422 null");
        assertThat(seeded.services().analysis().kommunebarometer().edition(2019)).extracting(Place::regionName).containsOnly("Bærum");
    }

    @Test
    void aMunicipalityMayBeNamedAsPrintedOrAsTypedWithoutÆøå() {
        int stored = importBarometer("""
                2025,Bærum,Pleie og omsorg,340,356,3.1,test rows
                2025,baerum,Helse,120,356,4.0,test rows
                2025,ASKER,Pleie og omsorg,20,356,4.6,test rows
                2025,Tromsoe,Pleie og omsorg,300,356,3.2,test rows
                2025,0301,totalt,250,356,3.3,test rows
                """);

        assertThat(stored).isEqualTo(5);
        assertThat(edition(2025)).containsExactlyInAnyOrder("3201 Pleie og omsorg 340/356 3.1", "3201 Helse 120/356 4.0",
                "3203 Pleie og omsorg 20/356 4.6", "5501 Pleie og omsorg 300/356 3.2", "0301 Totalt 250/356 3.3");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2025,Bærum,Helse,357,356,3.1,x|linje 2, kolonne rank: plass 357 er etter siste plass 356 (kolonne of)",
            "2025,Bærum,Helse,0,356,3.1,x|linje 2, kolonne rank: ventet en plass fra 1, fant 0",
            "2025,Bærum,Helse,7.5,356,3.1,x|linje 2, kolonne rank: ventet et heltall, fant '7.5'",
            "2025,Bærum,Helse,7,356,7,x|linje 2, kolonne grade: 7 er utenfor det tillatte området, fra 1 til 6",
            "2025,Bærumm,Helse,7,356,3.1,x|linje 2, kolonne municipality: ukjent kommune 'Bærumm'; skriv kommunenummeret eller navnet som i katalogen",
            "2025,ASSS,Helse,7,356,3.1,x|linje 2, kolonne municipality: ASSS-snitt (ASSS) er en gruppe, ikke en kommune",
            "2025,Bærum,,7,356,3.1,x|linje 2, kolonne sector: verdi mangler",
            "1989,Bærum,Helse,7,356,3.1,x|linje 2, kolonne year: ventet et år fra 1990 til 2100, fant 1989"})
    void aBadLineIsRefusedNamingLineAndColumnAndNothingChanges(String line, String problem) {
        long revision = seeded.services().figures().dataRevision();

        assertThatThrownBy(() -> importBarometer("2025,Asker,Helse,20,356,4.2,x\n" + line.replace("linje 2", "") + "\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Ugyldig fil: kommunebarometer.csv " + problem.replace("linje 2", "linje 3"));

        assertThat(edition(2025)).isEmpty();
        assertThat(seeded.services().figures().dataRevision()).isEqualTo(revision);
    }

    @Test
    void anImportReplacesTheRowsOfTheSameYearMunicipalityAndSectorAndKeepsTheRest() {
        importBarometer("2025,Bærum,Helse,120,356,4.0,first copy\n2025,Bærum,Totalt,33,356,4.1,first copy\n");

        importBarometer("2025,3201,Helse,118,356,4.0,corrected copy\n");

        assertThat(edition(2025)).containsExactlyInAnyOrder("3201 Helse 118/356 4.0", "3201 Totalt 33/356 4.1");
    }

    @Test
    void analystsImportingAtOnceEachStoreTheirWholeFileAndNoneFails() throws Exception {
        // given eight files for eight sectors, and the first of them sent twice more
        List<String> municipalities = List.of("0301", "4601", "3201", "3301", "3107", "4204", "1108", "1103", "5001", "5501", "3203", "3205");
        List<Callable<Integer>> imports = new ArrayList<>();
        for (int sector = 0; sector < 10; sector++) {
            StringBuilder rows = new StringBuilder();
            for (int m = 0; m < municipalities.size(); m++) {
                rows.append("2025,").append(municipalities.get(m)).append(",Sektor ").append(Math.min(sector, 7)).append(',')
                        .append(m + 1).append(",356,").append(6 - m * 0.25).append(",test\n");
            }
            String file = rows.toString();
            imports.add(() -> importBarometer(file));
        }
        long before = seeded.services().figures().dataRevision();

        List<Integer> stored = AllAtOnce.run(imports);

        // then every sector holds its 12 places once, and the revision moved once per file that changed something
        assertThat(edition(2025)).hasSize(8 * 12);
        assertThat(stored.stream().filter(n -> n > 0).count()).isEqualTo(8);
        assertThat(seeded.services().figures().dataRevision()).isEqualTo(before + 8);
    }
}
