package no.kostra.workbook.roundtrip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.kostra.auth.Caller;
import no.kostra.auth.Role;
import no.kostra.errors.ForbiddenException;
import no.kostra.service.Services;
import no.kostra.support.SeededServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bærum's Kommunehelse workbook carries Asker's rows on its series sheet (issue 20, item 1). An editor limited to
 * Bærum may correct Bærum's figures, never Asker's: a workbook that changes one figure it may not is refused whole,
 * with every such cell named, and nothing of it is stored.
 */
class WriteRightsTest {
    static final String SERIES = "KHT.serie_netto_per_innbygger";
    static final String BAERUM = "3201";
    static final String ASKER = "3203";

    Services services;
    byte[] filled;

    @BeforeEach
    void fillBaerumsKommunehelseWorkbook() {
        services = SeededServices.open();
        filled = services.reports().fill("kommunehelse", BAERUM, 2024).xlsx();
    }

    @AfterEach
    void close() {
        services.close();
    }

    static Caller editorOf(String... municipalities) {
        return new Caller("redaktør", Role.EDITOR, Set.of(municipalities));
    }

    private String stored(String region) {
        return services.figures().municipalityFigures(List.of(SERIES), region, 2024, 2024).get(SERIES).get(2024).value().toString();
    }

    @Test
    void aBaerumEditorChangingAskersFigureIsRefusedWithTheCellNamedAndNothingIsStored() throws IOException {
        // given Bærum's editor corrects Bærum's own 2024 figure, and Asker's too
        String askerBefore = stored(ASKER);
        String baerumBefore = stored(BAERUM);
        long revision = services.figures().dataRevision();
        byte[] returned = WriteRightsFixture.typed(filled, Map.of(SERIES + "|" + BAERUM + "|2024", 4300.0, SERIES + "|" + ASKER + "|2024", 9999.0));
        String askerCell = WriteRightsFixture.where(filled, SERIES + "|" + ASKER + "|2024");

        // when it is returned, as a dry run and for real
        for (boolean dryRun : List.of(true, false)) {
            assertThatThrownBy(() -> services.roundTrip().receive("kht.xlsx", returned, "Ole", BAERUM, dryRun, false, editorOf(BAERUM)))
                    .isInstanceOf(ForbiddenException.class)
                    .hasMessage("Tokenet 'redaktør' kan bare endre tall for Bærum (3201); arbeidsboken endrer også tall for"
                            + " en annen kommune: " + askerCell + " (Asker, 3203). Ingenting i arbeidsboken er lagret;"
                            + " send den uten disse endringene, eller be en som har rett til å endre dem")
                    .satisfies(e -> assertThat(((ForbiddenException) e).detail()).isEqualTo(Map.of(
                            "cells", List.of(Map.of("cell", askerCell, "region", ASKER, "municipality", "Asker")),
                            "tokenFor", List.of(BAERUM))));
        }

        // then neither Asker's nor Bærum's figure changed, and no upload was kept
        assertThat(stored(ASKER)).isEqualTo(askerBefore);
        assertThat(stored(BAERUM)).isEqualTo(baerumBefore);
        assertThat(services.figures().dataRevision()).isEqualTo(revision);
    }

    @Test
    void anEditorOfBothMunicipalitiesMayChangeBoth() throws IOException {
        byte[] returned = WriteRightsFixture.typed(filled, Map.of(SERIES + "|" + BAERUM + "|2024", 4300.0, SERIES + "|" + ASKER + "|2024", 4400.0));

        UploadReport report = services.roundTrip().receive("kht.xlsx", returned, "Ole", BAERUM, false, false, editorOf(BAERUM, ASKER));

        assertThat(report.decisions()).extracting(d -> d.edit().region() + " " + d.edit().newText() + " " + d.outcome())
                .containsExactlyInAnyOrder("3201 4300 APPLIED", "3203 4400 APPLIED");
        assertThat(stored(ASKER)).isEqualTo("4400.0");
    }

    @Test
    void aBaerumEditorMayNotUndoACorrectionOfAskersFigureButAnAskerEditorMay() throws IOException {
        // given an admin applied a correction of Asker's figure through Bærum's workbook
        String askerBefore = stored(ASKER);
        byte[] returned = WriteRightsFixture.typed(filled, Map.of(SERIES + "|" + ASKER + "|2024", 4400.0));
        UploadReport applied = services.roundTrip().receive("kht.xlsx", returned, "Ole", BAERUM, false, false,
                new Caller("admin", Role.ADMIN, Set.of()));
        int seq = 1;

        // when Bærum's editor undoes it, then it is refused and the correction stands
        assertThatThrownBy(() -> services.roundTrip().undo(applied.uploadId(), seq, editorOf(BAERUM)))
                .isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("kan bare endre tall for Bærum (3201)")
                .hasMessageContaining(WriteRightsFixture.where(filled, SERIES + "|" + ASKER + "|2024") + " (Asker, 3203)");
        assertThat(stored(ASKER)).isEqualTo("4400.0");

        // when Asker's editor undoes it, then Asker's figure is back
        services.roundTrip().undo(applied.uploadId(), seq, editorOf("0220"));
        assertThat(stored(ASKER)).isEqualTo(askerBefore);
    }
}
