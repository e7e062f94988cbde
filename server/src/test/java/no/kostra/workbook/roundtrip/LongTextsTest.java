package no.kostra.workbook.roundtrip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import no.kostra.errors.InvalidInputException;
import no.kostra.service.Services;
import no.kostra.support.SeededServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Texts longer than the audit keeps (a comment of 5 000 characters, a formula of 3 000, a file name of 500): the
 * upload is decided and kept all the same, each text in the audit shortened with "…" (the file itself is kept whole),
 * and a file name or sender too long to keep is a 400, never a failure of the database.
 */
class LongTextsTest {
    static final String TABLE = RoundTripTest.TABLE;

    Services services;
    byte[] filled;

    @BeforeEach
    void fill() {
        services = SeededServices.open();
        filled = services.reports().fill("kommunehelse", "3201", 2024).xlsx();
    }

    @AfterEach
    void close() {
        services.close();
    }

    @Test
    void aCommentLongerThanACommentMayBeIsRejectedAndTheUploadIsKeptWithItShortened() throws Exception {
        byte[] returned;
        String at;
        try (PersonInExcel ole = new PersonInExcel(filled)) {
            at = "Profil!" + ole.cell(TABLE, RoundTripTest.SYKEFRAVAER, RoundTripTest.COMMENT).getAddress().formatAsString();
            returned = ole.type(TABLE, RoundTripTest.SYKEFRAVAER, RoundTripTest.COMMENT, "Lang kommentar. ".repeat(320)).save();
        }

        UploadReport report = services.roundTrip().receive("kht.xlsx", returned, "Ole", "3201", false);

        assertThat(report.decisions()).singleElement().satisfies(d -> {
            assertThat(d.outcome()).isEqualTo(Decision.Outcome.REJECTED);
            assertThat(d.reason()).isEqualTo("Kommentaren i " + at + " er lengre enn 4000 tegn");
        });
        StoredUpload.StoredEdit kept = services.roundTrip().upload(report.uploadId()).edits().get(0);
        assertThat(kept.newText()).hasSize(4000).endsWith("…").startsWith("Lang kommentar. Lang");
        assertThat(services.roundTrip().content(report.uploadId())).isEqualTo(returned);
    }

    @Test
    void aLongFormulaInADataCellIsRejectedShowingItsStart() throws Exception {
        String formula = "0.972" + "+0".repeat(1500);
        byte[] returned;
        String at;
        try (PersonInExcel ole = new PersonInExcel(filled)) {
            at = "Profil!" + ole.cell(TABLE, RoundTripTest.RESSURSBRUK, "2024").getAddress().formatAsString();
            returned = ole.typeFormula(TABLE, RoundTripTest.RESSURSBRUK, "2024", formula).save();
        }

        UploadReport report = services.roundTrip().receive("kht.xlsx", returned, "Ole", "3201", false);

        Decision decision = report.decisions().get(0);
        assertThat(decision.reason()).startsWith("Cellen " + at + " inneholder formelen '=0.972+0+0").contains("…'; formler lagres ikke")
                .hasSizeLessThan(400);
        assertThat(services.roundTrip().upload(report.uploadId()).edits().get(0).newText()).hasSize(3006);
    }

    @Test
    void aFileNameOrSenderTooLongToKeepIsRefused() {
        assertThatThrownBy(() -> services.roundTrip().receive("k".repeat(396) + ".xlsx", filled, "Ole", "3201", false))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Filnavnet er på 401 tegn; gi filen et navn på høyst 400 tegn og send den på nytt");
        assertThatThrownBy(() -> services.roundTrip().receive("kht.xlsx", filled, "O".repeat(201), "3201", false))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Avsenderen er på 201 tegn; skriv et navn på høyst 200 tegn");
    }
}
