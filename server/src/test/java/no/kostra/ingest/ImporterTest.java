package no.kostra.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import no.kostra.errors.InvalidInputException;
import no.kostra.observation.Figure;
import no.kostra.observation.Statistic;
import no.kostra.observation.Status;
import no.kostra.observation.Vintage;
import no.kostra.store.FigureChange;
import no.kostra.store.RevisionRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ImporterTest {
    private static final String BAERUM = "3201";
    private final IngestFixture fixture = new IngestFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    private Figure current(String indicator, String region, int year) {
        return fixture.services.figures().municipalityFigures(List.of(indicator), region, year, year).get(indicator).get(year);
    }

    @Test
    void aHandWrittenCsvWithNorwegianNumbersBecomesNewRevisionsAndImportingItAgainChangesNothing() {
        long before = fixture.services.figures().dataRevision();

        ImportReport first = fixture.importFile("good/kht-2024.csv");

        assertThat(first.format()).isEqualTo("csv");
        assertThat(first.read()).isEqualTo(5);
        assertThat(first.changed()).isEqualTo(3);
        assertThat(first.added()).isEqualTo(2);
        assertThat(first.dataRevision()).isGreaterThan(before);
        assertThat(current("KHT.ressursbruksindikator", BAERUM, 2024)).isEqualTo(Figure.of(0.975));
        assertThat(current("KHT.netto_driftsutgifter_per_innbygger", BAERUM, 2024)).isEqualTo(Figure.of(4275));
        assertThat(current("KHT.netto_driftsutgifter_andel_av_samlede", BAERUM, 2024)).isEqualTo(Figure.of(5.4));
        assertThat(current("KHT.netto_driftsutgifter_per_innbygger", "0301", 2024)).isEqualTo(Figure.of(1_551_770));
        assertThat(current("KHT.ressursbruksindikator", "0301", 2024)).isEqualTo(Figure.missing(Status.NOT_AVAILABLE));

        ImportReport again = fixture.importFile("good/kht-2024.csv");

        assertThat(List.of(again.added(), again.changed(), again.unchanged())).containsExactly(0, 0, 5);
        assertThat(again.dataRevision()).isEqualTo(first.dataRevision());
    }

    @Test
    void aJsonStatFileKeepsStatusSymbolsAsStatusesNeverZeros() {
        ImportReport report = fixture.importFile("good/kht-2024.json");

        assertThat(report.format()).isEqualTo("json-stat");
        assertThat(List.of(report.read(), report.added() + report.changed(), report.rejected())).containsExactly(4, 4, 0);
        assertThat(current("KHT.ressursbruksindikator", "0301", 2024)).isEqualTo(Figure.missing(Status.NOT_AVAILABLE));
        assertThat(current("KHT.netto_driftsutgifter_per_innbygger", "0301", 2024)).isEqualTo(Figure.of(16123));
        assertThat(fixture.importFile("good/kht-2024.json").changed()).isZero();
    }

    @Test
    void aWindows1252CsvWithCommasAndNorwegianHeadersReads() {
        ImportReport report = fixture.importFile("good/kommuner-cp1252.csv");

        assertThat(report.read()).isEqualTo(1);
        assertThat(current("KHT.netto_driftsutgifter_per_innbygger", "3203", 2024)).isEqualTo(Figure.of(4012.5));
    }

    @Test
    void marchThenJuneKeepsBothRevisionsAndTheCurrentFigureIsTheFinalOne() {
        fixture.importFile("good/march-2024.json", IngestFixture.vintage(Vintage.PRELIMINARY));
        ImportReport june = fixture.importFile("good/june-2024.json", IngestFixture.vintage(Vintage.FINAL));

        assertThat(june.changed()).isEqualTo(1);
        assertThat(current("KHT.netto_driftsutgifter_per_innbygger", BAERUM, 2024)).isEqualTo(Figure.of(4288));
        List<RevisionRepository.StoredRevision> history = new RevisionRepository(fixture.services.database())
                .history("KHT.netto_driftsutgifter_per_innbygger", BAERUM).stream().filter(r -> r.year() == 2024).toList();
        assertThat(history).extracting(r -> r.figure().value(), RevisionRepository.StoredRevision::vintage,
                        RevisionRepository.StoredRevision::revision)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(4260.0, Vintage.FINAL, 1),
                        org.assertj.core.groups.Tuple.tuple(4301.0, Vintage.PRELIMINARY, 2),
                        org.assertj.core.groups.Tuple.tuple(4288.0, Vintage.FINAL, 3));
    }

    @Test
    void theSameNumberMadeFinalIsAVintageChangeCountedApartFromValueChanges() {
        fixture.importFile("good/june-2024.json", IngestFixture.vintage(Vintage.PRELIMINARY));

        ImportReport june = fixture.importFile("good/june-2024.json", IngestFixture.vintage(Vintage.FINAL));

        assertThat(List.of(june.changed(), june.vintageChanged(), june.unchanged())).containsExactly(0, 1, 0);
        assertThat(june.vintageChanges()).singleElement().extracting(FigureChange::kind, FigureChange::before,
                FigureChange::beforeVintage, FigureChange::after, FigureChange::afterVintage)
                .containsExactly(FigureChange.VINTAGE, "4288", "preliminary", "4288", "final");
        assertThat(june.changes()).isEmpty();
        assertThat(june.summary()).isEqualTo("0 tall endret, 1 gjort endelige, 0 nye tall, 0 uendret");
    }

    @Test
    void aFinalFigureGivenAgainAsPreliminaryKeepsItsVintage() {
        fixture.importFile("good/june-2024.json", IngestFixture.vintage(Vintage.FINAL));

        ImportReport again = fixture.importFile("good/june-2024.json", IngestFixture.vintage(Vintage.PRELIMINARY));

        assertThat(List.of(again.changed(), again.vintageChanged(), again.unchanged())).containsExactly(0, 0, 1);
        assertThat(new RevisionRepository(fixture.services.database()).history("KHT.netto_driftsutgifter_per_innbygger", BAERUM)
                .stream().filter(r -> r.year() == 2024).reduce((a, b) -> b).orElseThrow().vintage()).isEqualTo(Vintage.FINAL);
    }

    @Test
    void ssbBackFilledEmptyRowsUnderTheNewNumberDoNotOverwriteBaerumsRealFigures() {
        ImportReport report = fixture.importFile("good/baerum-both-codes.json");

        assertThat(report.rejected()).isEqualTo(4);
        assertThat(report.rejections()).extracting(ImportReport.Rejection::where).containsExactly(
                "baerum-both-codes.json value[3] (KOKkommuneregion0000=3024, ContentsCode=KHT.serie_lege_arsverk, Tid=2024)",
                "baerum-both-codes.json value[4] (KOKkommuneregion0000=3201, ContentsCode=KHT.serie_lege_arsverk, Tid=2021)",
                "baerum-both-codes.json value[5] (KOKkommuneregion0000=3201, ContentsCode=KHT.serie_lege_arsverk, Tid=2022)",
                "baerum-both-codes.json value[6] (KOKkommuneregion0000=3201, ContentsCode=KHT.serie_lege_arsverk, Tid=2023)");
        assertThat(report.rejections().get(1).reason()).isEqualTo("kommunenummer 3201 var ikke i bruk i 2021 (Bærum hadde 3024);"
                + " en tom eller null-rad fra SSBs tilbakeføring overskriver ikke tall");
        List<RevisionRepository.StoredRevision> series = new RevisionRepository(fixture.services.database())
                .history("KHT.serie_lege_arsverk", BAERUM);
        assertThat(series).extracting(RevisionRepository.StoredRevision::year, r -> r.figure().value(),
                        RevisionRepository.StoredRevision::reportedCode)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2021, 9.5, "3024"),
                        org.assertj.core.groups.Tuple.tuple(2022, 9.6, "3024"),
                        org.assertj.core.groups.Tuple.tuple(2023, 9.9, "3024"),
                        org.assertj.core.groups.Tuple.tuple(2024, 10.1, "3201"));
        assertThat(report.unchanged()).isEqualTo(4);
    }

    @Test
    void publishedAsssStatisticsImportFromALongCsv() {
        ImportReport report = fixture.importFile("good/asss-statistics.csv");

        assertThat(List.of(report.read(), report.changed(), report.unchanged())).containsExactly(3, 1, 2);
        assertThat(fixture.services.figures().groupFigures(List.of("KHT.ressursbruksindikator"), "ASSS", 2024)
                .get("KHT.ressursbruksindikator")).containsEntry(Statistic.MEAN, Figure.of(1.001));
    }

    @Test
    void aMappingRenamesContentsCodesFixesAFurtherDimensionAndSkipsAggregates() {
        ImportMapping mapping = ImportMapping.parse("mapping.properties",
                new String(IngestFixture.file("good/mapping.properties"), StandardCharsets.UTF_8));

        ImportReport report = fixture.importFile("good/mapped-ssb.json", new ImportOptions(null, null, Vintage.FINAL, mapping));

        assertThat(report.rejected()).isEqualTo(1);
        assertThat(report.rejections().get(0).reason()).isEqualTo("region EAK er utelatt av mappingen (ignore.regions)");
        assertThat(current("KHT.serie_lege_arsverk", BAERUM, 2024)).isEqualTo(Figure.of(10.3));
    }

    @Test
    void aNumberBesideAStatusSymbolIsKeptAndTheIgnoredSymbolIsReportedAsAWarning() {
        ImportReport report = fixture.importFile("good/value-beside-status.json");

        assertThat(current("KHT.sykefravaer", BAERUM, 2024)).isEqualTo(Figure.of(7.28));
        assertThat(report.warned()).isEqualTo(1);
        assertThat(report.warnings()).containsExactly(new ImportReport.Warning(
                "value-beside-status.json value[0] (KOKkommuneregion0000=3201, ContentsCode=KHT.sykefravaer, Tid=2024)",
                "tallet 7,28 har statussymbolet '..' ved siden av; tallet er lagret, symbolet ikke"));
    }

    @Test
    void aZeroBesideAStatusSymbolIsSsbsPlaceholderAndANullKeepsItsSymbol() {
        fixture.importFile("good/value-beside-status.json");

        assertThat(current("KHT.ressursbruksindikator", BAERUM, 2024)).isEqualTo(Figure.missing(Status.NIL));
        assertThat(current("KHT.netto_driftsutgifter_per_innbygger", BAERUM, 2024)).isEqualTo(Figure.missing(Status.CONFIDENTIAL));
    }

    @Test
    void implausibleFiguresHoldTheWholeFileNamingEachAndNothingIsStored() {
        // given a 171,5 % sick leave, −3 doctors' FTEs and 99,5 FTEs where the year before had 9,55, beside a plain figure
        List<Long> before = fixture.state();

        // when the file is imported without confirming them
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> fixture.importFile("good/outliers.csv"));

        // then it is held: each figure named with its line, indicator, region, year and why, and nothing stored
        assertThat(thrown).isInstanceOf(Importer.OutliersHeld.class).hasMessage("outliers.csv: 3 tall ser usannsynlige ut"
                + " (utenfor det mulige for enheten, eller mer enn ti ganger året før), og ingenting i filen er lagret; rett"
                + " tallene, eller send filen på nytt med acceptOutliers=true (--accept-outliers) hvis de er riktige");
        ImportReport held = ((Importer.OutliersHeld) thrown).report();
        assertThat(held.outliers()).containsExactly(
                new ImportReport.Outlier("outliers.csv linje 4, kolonne value", "KHT.arsverk_leger_per_10000", BAERUM, null, 2023,
                        99.5, "KHT.arsverk_leger_per_10000 er 99,5, mer enn ti ganger tallet for året før (9,55)"),
                new ImportReport.Outlier("outliers.csv linje 3, kolonne value", "KHT.arsverk_leger_per_10000", BAERUM, null, 2024,
                        -3, "KHT.arsverk_leger_per_10000 er i årsverk og kan ikke være negativ, men er -3"),
                new ImportReport.Outlier("outliers.csv linje 2, kolonne value", "KHT.sykefravaer", BAERUM, null, 2024, 171.5,
                        "KHT.sykefravaer er i prosent, og 171,5 er utenfor 0–100"));
        assertThat(held.importId()).isNull();
        assertThat(held.changed()).isEqualTo(4);
        assertThat(held.summary()).isEqualTo("Ingenting er lagret: 3 tall ser usannsynlige ut og må bekreftes; ellers 4 tall"
                + " ville blitt endret, 0 ville blitt gjort endelige, 0 nye tall ville blitt lagt til, 0 uendret,"
                + " 4 konflikter med en annen kilde");
        assertThat(fixture.state()).isEqualTo(before);
        assertThat(current("KHT.sykefravaer", BAERUM, 2024)).isEqualTo(Figure.of(7.27));
    }

    @Test
    void confirmedOutliersAreStoredAndStillNamedInTheReport() {
        ImportReport report = fixture.importFile("good/outliers.csv", ImportOptions.defaults().acceptOutliers(true));

        assertThat(report.outlierCount()).isEqualTo(3);
        assertThat(report.outliers()).extracting(ImportReport.Outlier::where).containsExactly(
                "outliers.csv linje 4, kolonne value", "outliers.csv linje 3, kolonne value", "outliers.csv linje 2, kolonne value");
        assertThat(current("KHT.sykefravaer", BAERUM, 2024)).isEqualTo(Figure.of(171.5));
        assertThat(report.summary()).isEqualTo("4 tall endret, 0 gjort endelige, 0 nye tall, 0 uendret,"
                + " 4 konflikter med en annen kilde, 3 usannsynlige tall lagret, men bør sjekkes");
    }

    @Test
    void figuresOutsideTheirUnitsRangeAreOutliersInEveryFormat() {
        ImportReport report = fixture.importFile("good/implausible.csv", ImportOptions.defaults().acceptOutliers(true));

        assertThat(List.of(report.read(), report.added() + report.changed() + report.unchanged(), report.rejected()))
                .containsExactly(5, 5, 0);
        assertThat(current("KHT.sykefravaer", BAERUM, 2024)).isEqualTo(Figure.of(-1.5));
        assertThat(report.outliers()).extracting(ImportReport.Outlier::where, ImportReport.Outlier::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("implausible.csv linje 3, kolonne value",
                        "KHT.andel_helsesamtaler_8_trinn er i prosent, og 101,2 er utenfor 0–100"),
                org.assertj.core.groups.Tuple.tuple("implausible.csv linje 4, kolonne value",
                        "KHT.ressursbruksindikator er i ratio og kan ikke være negativ, men er -0,1"),
                org.assertj.core.groups.Tuple.tuple("implausible.csv linje 2, kolonne value",
                        "KHT.sykefravaer er i prosent, og -1,5 er utenfor 0–100"));
    }

    @Test
    void aDryRunAnswersTheWholeReportAsTheImportWouldBeAndStoresNothing() {
        List<Long> before = fixture.state();

        ImportReport dry = fixture.importFile("good/kht-2024.csv", ImportOptions.defaults().dryRun(true));

        assertThat(fixture.state()).isEqualTo(before);
        assertThat(dry.dryRun()).isTrue();
        assertThat(dry.importId()).isNull();
        assertThat(List.of(dry.read(), dry.added(), dry.changed(), dry.unchanged())).containsExactly(5, 2, 3, 0);
        assertThat(dry.changes()).extracting(FigureChange::before, FigureChange::after).contains(
                org.assertj.core.groups.Tuple.tuple("0.972", "0.975"));
        assertThat(dry.summary()).isEqualTo("Prøvekjøring, ingenting er lagret: 3 tall ville blitt endret,"
                + " 0 ville blitt gjort endelige, 2 nye tall ville blitt lagt til, 0 uendret, 3 konflikter med en annen kilde");
        ImportReport real = fixture.importFile("good/kht-2024.csv");
        assertThat(List.of(real.added(), real.changed(), real.dataRevision() > dry.dataRevision()))
                .containsExactly(2, 3, true);
    }

    @Test
    void aDryRunOfAFileWithOutliersSaysTheyWouldBeHeld() {
        List<Long> before = fixture.state();

        ImportReport dry = fixture.importFile("good/outliers.csv", ImportOptions.defaults().dryRun(true));

        assertThat(dry.outlierCount()).isEqualTo(3);
        assertThat(dry.summary()).endsWith(", 3 usannsynlige tall ville blitt holdt tilbake");
        assertThat(fixture.state()).isEqualTo(before);
    }

    @Test
    void aNumberTooSmallForADoubleIsStoredAsZeroWithAWarningNotSilently() {
        ImportReport report = fixture.importFile("good/tiny-value.json");

        assertThat(current("KHT.netto_driftsutgifter_per_innbygger", BAERUM, 2024)).isEqualTo(Figure.of(0));
        assertThat(report.warnings()).containsExactly(new ImportReport.Warning("tiny-value.json value[0]"
                + " (KOKkommuneregion0000=3201, ContentsCode=KHT.netto_driftsutgifter_per_innbygger, Tid=2024)",
                "tallet er nærmere 0 enn de 10 desimalene som lagres, og lagres som 0"));
    }

    @Test
    void aSparseValueOverALargeCubeImportsOnlyTheCellsItGives() {
        ImportReport report = fixture.importFile("good/sparse-large-cube.json");

        assertThat(List.of(report.read(), report.rejected(), report.warned())).containsExactly(1, 0, 0);
        assertThat(current("KHT.sykefravaer", BAERUM, 2024)).isEqualTo(Figure.missing(Status.NOT_AVAILABLE));
    }

    static Stream<Arguments> badFiles() throws IOException {
        Properties expected = new Properties();
        try (var reader = new InputStreamReader(ImporterTest.class.getResourceAsStream("/ingest/bad/expected-errors.properties"),
                StandardCharsets.UTF_8)) {
            expected.load(reader);
        }
        return expected.stringPropertyNames().stream().sorted().map(name -> Arguments.of(name, expected.getProperty(name)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void eachBadFileIsRefusedWithItsMessageAndChangesNothing(String file, String message) {
        List<Long> before = fixture.state();

        assertThatThrownBy(() -> fixture.importFile("bad/" + file, file.startsWith("xlsx")
                ? new ImportOptions(ImportFormat.XLSX, null, Vintage.FINAL, null) : ImportOptions.defaults()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(message)
                .extracting(e -> ((Map<?, ?>) ((InvalidInputException) e).detail()).get("file")).isEqualTo(file);
        assertThat(fixture.state()).isEqualTo(before);
    }
}
