package no.kostra.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import no.kostra.ingest.ImportFormat;
import no.kostra.ingest.ImportOptions;
import no.kostra.observation.Vintage;
import no.kostra.service.Services;

/**
 * The Grunnskole 2018 profile of server/src/test/resources/grunnskole/: catalogue tables, then figures. The catalogue
 * has Grunnskole (GRS) with its KS profile from 2022; the fixture adds, as catalogue data, the profile 003 shows for
 * 2018 (two indicators more, the catalogue's share of pupils with special education) and the Kommunebarometeret
 * sector the area is ranked in, with the seeds' sort and sheet.
 */
final class GrunnskoleFixture {
    /** Imported as catalogue tables, in this order (a profile's rows name its indicators). */
    static final List<String> CATALOGUE = List.of("indicators.csv", "service_profiles.csv", "profile_rows.csv");
    /** Imported as figures: Bærum's (0219 in 2018) and the ASSS statistics. */
    static final List<String> FIGURES = List.of("figures-2018.csv", "asss-2018.csv");

    private GrunnskoleFixture() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = GrunnskoleFixture.class.getResourceAsStream("/grunnskole/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Imports the area into the services, as the import route would. */
    static void importInto(Services services) {
        for (String file : CATALOGUE) {
            services.importer().importFile(file, bytes(file), new ImportOptions(ImportFormat.CATALOG, null, Vintage.FINAL, null));
        }
        for (String file : FIGURES) {
            services.importer().importFile(file, bytes(file), ImportOptions.defaults());
        }
    }
}
