package no.kostra.workbook.roundtrip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import no.kostra.compute.ProfileRow;
import no.kostra.errors.ConflictException;
import no.kostra.errors.InvalidInputException;
import no.kostra.observation.Figure;
import no.kostra.observation.Vintage;
import no.kostra.service.Services;
import no.kostra.store.ImportBatch;
import no.kostra.store.ObservationRow;
import no.kostra.support.SeededServices;
import no.kostra.support.StreamingZip64;
import no.kostra.workbook.roundtrip.Decision.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Ole corrects the Kommunehelse workbook on the train and sends it back (USER-JOURNEYS §3). */
class RoundTripTest {
    static final String TABLE = "Profil_KHT";
    static final String RESSURSBRUK = "KHT.ressursbruksindikator";
    static final String SYKEFRAVAER = "KHT.sykefravaer";
    static final String COMMENT = "Kommentar fra tjenesteleder";

    Services services;
    byte[] filled;

    @BeforeEach
    void fillTheKommunehelseWorkbook() {
        services = SeededServices.open();
        filled = services.reports().fill("kommunehelse", "3201", 2024).xlsx();
    }

    @AfterEach
    void close() {
        services.close();
    }

    private byte[] olesEdits() {
        try (PersonInExcel ole = new PersonInExcel(filled)) {
            return ole.type(TABLE, RESSURSBRUK, "2024", 0.975)
                    .type(TABLE, SYKEFRAVAER, "2024", 7.1)
                    .type(TABLE, SYKEFRAVAER, COMMENT, "Langtidsfraværet falt etter omorganiseringen i høst")
                    .save();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private ProfileRow row(String indicator) {
        return services.profiles().profile("3201", "KHT", 2024).rows().stream()
                .filter(r -> r.indicator().equals(indicator)).findFirst().orElseThrow();
    }

    @Test
    void theDryRunListsExactlyThePersonsThreeEditsAndStoresNothing() {
        long revision = services.figures().dataRevision();

        UploadReport report = services.roundTrip().receive("kht.xlsx", olesEdits(), "Ole", "3201", true);

        assertThat(report.decisions()).extracting(d -> d.edit().kind() + " " + d.edit().indicator() + " "
                        + d.edit().oldText() + " -> " + d.edit().newText() + " " + d.outcome())
                .containsExactlyInAnyOrder(
                        "VALUE KHT.ressursbruksindikator 0.972 -> 0.975 APPLIED",
                        "VALUE KHT.sykefravaer 7.27 -> 7.1 APPLIED",
                        "COMMENT KHT.sykefravaer  -> Langtidsfraværet falt etter omorganiseringen i høst APPLIED");
        assertThat(report.uploadId()).isNull();
        assertThat(services.figures().dataRevision()).isEqualTo(revision);
        assertThat(row(RESSURSBRUK).values().get(2).value()).isEqualTo(0.972);
    }

    @Test
    void applyingStoresTheCorrectionsAndTheCommentAndTheSameFileTwiceChangesNothing() {
        // when
        byte[] returned = olesEdits();
        UploadReport first = services.roundTrip().receive("kht.xlsx", returned, "Ole", "3201", false);

        // then the profile shows the corrected figures, recomputed from them, and the comment is stored
        assertThat(first.counts()).isEqualTo(new UploadReport.Counts(3, 3, 0, 0, 0, 0));
        assertThat(first.uploadId()).isNotNull();
        assertThat(row(RESSURSBRUK).values().get(2).value()).isEqualTo(0.975);
        assertThat(row(RESSURSBRUK).index()).isEqualTo(97.5);
        assertThat(row(SYKEFRAVAER).values().get(2).value()).isEqualTo(7.1);
        assertThat(row(SYKEFRAVAER).comment()).isEqualTo("Langtidsfraværet falt etter omorganiseringen i høst");
        assertThat(row(RESSURSBRUK).comment()).isNull();
        assertThat(services.roundTrip().comments("3024", 2024))
                .containsExactly(Map.entry(SYKEFRAVAER, "Langtidsfraværet falt etter omorganiseringen i høst"));
        StoredUpload audit = services.roundTrip().upload(first.uploadId());
        assertThat(audit.header().senderNote()).isEqualTo("Ole");
        assertThat(audit.header().sender()).isEqualTo(RoundTripService.UNKNOWN_SENDER);
        assertThat(audit.edits()).hasSize(3);
        assertThat(services.roundTrip().content(first.uploadId())).isEqualTo(returned);
        assertThat(audit.header().checksum()).isEqualTo(RoundTripService.sha256(returned));

        // when the same file comes again
        long revision = services.figures().dataRevision();
        UploadReport second = services.roundTrip().receive("kht.xlsx", returned, "Ole", null, false);

        // then nothing is stored again
        assertThat(second.alreadyReceived()).isEqualTo(first.uploadId());
        assertThat(second.uploadId()).isNull();
        assertThat(second.decisions()).extracting(Decision::outcome).containsOnly(Outcome.ALREADY_STORED);
        assertThat(services.figures().dataRevision()).isEqualTo(revision);
    }

    @Test
    void aFigureChangedInTheServiceMeanwhileIsAConflictAndNeitherValueIsLost() {
        // given SSB's June figures revise Bærum's 2024 ressursbruksindikator after the workbook was made
        services.importWriter().write(new ImportBatch("csv", "juni.csv", "x", Vintage.FINAL,
                List.of(new ObservationRow(RESSURSBRUK, "3201", "3201", 2024, Figure.of(0.980), "juni.csv", null)), List.of(), 0));

        // when Ole's workbook, which also changes it, comes back
        UploadReport report = services.roundTrip().receive("kht.xlsx", olesEdits(), "Ole", null, false);

        // then it is a conflict showing both values, and the stored one stands
        Decision conflict = report.decisions().stream().filter(d -> RESSURSBRUK.equals(d.edit().indicator())).findFirst().orElseThrow();
        assertThat(conflict.outcome()).isEqualTo(Outcome.CONFLICT);
        assertThat(conflict.storedNow()).isEqualTo("0.98");
        assertThat(conflict.edit().newText()).isEqualTo("0.975");
        assertThat(row(RESSURSBRUK).values().get(2).value()).isEqualTo(0.980);
        assertThat(services.roundTrip().upload(report.uploadId()).edits())
                .anyMatch(e -> e.outcome().equals("CONFLICT") && e.newText().equals("0.975") && e.storedNow().equals("0.98"));
    }

    @Test
    void anAppliedCorrectionCanBeUndoneWhichRestoresThePreviousValue() {
        UploadReport applied = services.roundTrip().receive("kht.xlsx", olesEdits(), "Ole", null, false);
        int seq = services.roundTrip().upload(applied.uploadId()).edits().stream()
                .filter(e -> RESSURSBRUK.equals(e.indicator())).findFirst().orElseThrow().seq();

        StoredUpload after = services.roundTrip().undo(applied.uploadId(), seq);

        assertThat(row(RESSURSBRUK).values().get(2).value()).isEqualTo(0.972);
        assertThat(after.edits().stream().filter(e -> e.seq() == seq).findFirst().orElseThrow().undone()).isTrue();
        assertThatThrownBy(() -> services.roundTrip().undo(applied.uploadId(), seq))
                .isInstanceOf(ConflictException.class).hasMessage("Endring " + seq + " er allerede angret");
    }

    @Test
    void aWorkbookResavedByAStreamingWriterWithZip64DataDescriptorsIsReadBack() {
        // given Ole's edited workbook, re-packed with every entry's sizes in a ZIP64 data descriptor after its data
        byte[] streamed = StreamingZip64.repack(olesEdits());
        assertThat(StreamingZip64.everyEntryHasZip64DataDescriptor(streamed)).isTrue();

        // when it is sent back
        UploadReport report = services.roundTrip().receive("kht.xlsx", streamed, "Ole", "3201", true);

        // then it is read like the workbook Excel saved: the same three edits
        assertThat(report.decisions()).extracting(d -> d.edit().kind() + " " + d.edit().indicator() + " "
                        + d.edit().oldText() + " -> " + d.edit().newText() + " " + d.outcome())
                .containsExactlyInAnyOrder(
                        "VALUE KHT.ressursbruksindikator 0.972 -> 0.975 APPLIED",
                        "VALUE KHT.sykefravaer 7.27 -> 7.1 APPLIED",
                        "COMMENT KHT.sykefravaer  -> Langtidsfraværet falt etter omorganiseringen i høst APPLIED");
    }

    @Test
    void aFormulaTypedIntoADataCellIsRejectedAndNeverStored() {
        byte[] withFormula;
        try (PersonInExcel ole = new PersonInExcel(filled)) {
            withFormula = ole.typeFormula(TABLE, RESSURSBRUK, "2024", "HYPERLINK(\"http://example.invalid\",\"0,9\")").save();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }

        UploadReport report = services.roundTrip().receive("kht.xlsx", withFormula, "Ole", null, false);

        assertThat(report.decisions()).singleElement().satisfies(d -> {
            assertThat(d.outcome()).isEqualTo(Outcome.REJECTED);
            assertThat(d.reason()).contains("inneholder formelen '=HYPERLINK(");
        });
        assertThat(row(RESSURSBRUK).values().get(2).value()).isEqualTo(0.972);
    }

    @Test
    void aFormulaTypedIntoTheCommentColumnIsRejectedAndNeverStored() {
        byte[] withFormula;
        try (PersonInExcel ole = new PersonInExcel(filled)) {
            withFormula = ole.typeFormula(TABLE, SYKEFRAVAER, COMMENT, "HYPERLINK(\"http://example.invalid\",\"Se notat\")").save();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }

        UploadReport report = services.roundTrip().receive("kht.xlsx", withFormula, "Ole", null, false);

        assertThat(report.decisions()).singleElement().satisfies(d -> {
            assertThat(d.edit().kind()).isEqualTo(Edit.Kind.COMMENT);
            assertThat(d.outcome()).isEqualTo(Outcome.REJECTED);
            assertThat(d.reason()).startsWith("Kommentaren i ").contains("inneholder formelen '=HYPERLINK(");
        });
        assertThat(services.roundTrip().comments("3201", 2024)).doesNotContainKey(SYKEFRAVAER);
        assertThat(row(SYKEFRAVAER).comment()).isNull();
    }

    @Test
    void overwritingAComputedIndexIsRejected() {
        byte[] overwritten;
        try (PersonInExcel ole = new PersonInExcel(filled)) {
            overwritten = ole.type(TABLE, RESSURSBRUK, "Indeks (ASSS = 100)", 99.0).save();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }

        UploadReport report = services.roundTrip().receive("kht.xlsx", overwritten, "Ole", null, true);

        assertThat(report.decisions()).singleElement().satisfies(d -> {
            assertThat(d.edit().kind()).isEqualTo(Edit.Kind.LOCKED_CELL);
            assertThat(d.outcome()).isEqualTo(Outcome.REJECTED);
        });
    }

    @Test
    void aWorkbookMadeForAnotherMunicipalityIsRefused() {
        assertThatThrownBy(() -> services.roundTrip().receive("kht.xlsx", olesEdits(), "Ole", "3203", false))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("kht.xlsx er laget for Bærum (3201), ikke for Asker (3203)");
    }

    @Test
    void aStoredCommentAppearsInTheNextWorkbookAndOnlyAChangeToItIsAnEdit() {
        // given Ole's comment was applied
        services.roundTrip().receive("kht.xlsx", olesEdits(), "Ole", null, false);

        // when Kari fills the next workbook
        byte[] next = services.reports().fill("kommunehelse", "3201", 2024).xlsx();

        // then it carries the comment, and sending it back unchanged is no edit at all
        try (PersonInExcel kari = new PersonInExcel(next)) {
            assertThat(kari.cell(TABLE, SYKEFRAVAER, COMMENT).getStringCellValue())
                    .isEqualTo("Langtidsfraværet falt etter omorganiseringen i høst");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(services.roundTrip().receive("neste.xlsx", next, "Kari", null, true).decisions()).isEmpty();

        // and a changed comment is an edit from the old text to the new
        byte[] changed;
        try (PersonInExcel ole = new PersonInExcel(next)) {
            changed = ole.type(TABLE, SYKEFRAVAER, COMMENT, "Fraværet falt; se egen sak").save();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Decision decision = services.roundTrip().receive("neste.xlsx", changed, "Ole", null, false).decisions().get(0);
        assertThat(decision.edit().oldText()).isEqualTo("Langtidsfraværet falt etter omorganiseringen i høst");
        assertThat(decision.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(services.roundTrip().comments("3201", 2024)).containsEntry(SYKEFRAVAER, "Fraværet falt; se egen sak");
    }

    @Test
    void theProfileApiShowsTheCommentAtOnceThoughTheAnswerIsCached() {
        io.javalin.testtools.JavalinTest.test(no.kostra.web.App.create(services), (server, client) -> {
            String before = client.get("/api/profile?region=3201&area=KHT&year=2024").body().string();
            byte[] onlyAComment;
            try (PersonInExcel ole = new PersonInExcel(filled)) {
                onlyAComment = ole.type(TABLE, RESSURSBRUK, COMMENT, "Ressursbruken er lavere enn ventet").save();
            }

            services.roundTrip().receive("kht.xlsx", onlyAComment, "Ole", null, false);
            String after = client.get("/api/profile?region=3201&area=KHT&year=2024").body().string();

            assertThat(before).doesNotContain("Ressursbruken er lavere enn ventet");
            assertThat(after).contains("\"comment\":\"Ressursbruken er lavere enn ventet\"");
        });
    }
}
