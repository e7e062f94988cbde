package no.kostra.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import no.kostra.errors.InvalidInputException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A refused table names every faulty line, not only the first: the first 20 problems and how many there are. */
class EveryFaultyLineTest {
    private static final String HEADER = "region;indicator;year;value\n";
    private final IngestFixture fixture = new IngestFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aBadYearAndABadValueOnOneLineAreBothNamed() {
        String csv = HEADER + "3201;KHT.sykefravaer;1850;7,2,7\n3201;KHT.sykefravaer;2024;7,27\n";
        List<Long> before = fixture.state();

        assertThatThrownBy(() -> importCsv("to-feil.csv", csv))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("to-feil.csv har 2 feil: linje 2, kolonne value: forventet et tall (som 1 551 770, 0,972 eller"
                        + " 101,2 %) eller et statussymbol (. .. : -), fant '7,2,7'; linje 2, kolonne year: ukjent år 1850:"
                        + " forventet et år mellom 1990 og 2025");
        assertThat(fixture.state()).isEqualTo(before);
    }

    @Test
    void aFileWithManyFaultyLinesNamesTheFirstTwentyAndCountsThemAll() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int line = 2; line <= 26; line++) {
            csv.append("3201;KHT.finnes_ikke_").append(line).append(";2024;1\n");
        }
        csv.append("3201;KHT.sykefravaer;2024;7,27\n");

        InvalidInputException refused = (InvalidInputException) org.assertj.core.api.Assertions.catchThrowable(
                () -> importCsv("mange.csv", csv.toString()));

        assertThat(refused.getMessage()).startsWith("mange.csv har 25 feil: linje 2, kolonne indicator: ukjent indikator"
                + " 'KHT.finnes_ikke_2'").endsWith("; … og 5 til");
        Map<?, ?> detail = (Map<?, ?>) refused.detail();
        assertThat(detail.get("file")).isEqualTo("mange.csv");
        assertThat(detail.get("count")).isEqualTo(25);
        assertThat((List<?>) detail.get("problems")).hasSize(20).first().asString()
                .startsWith("linje 2, kolonne indicator: ukjent indikator 'KHT.finnes_ikke_2'");
    }

    @Test
    void aLineWithTheWrongNumberOfFieldsIsOneOfTheProblemsAndTheRestAreStillRead() {
        String csv = HEADER + "3201;KHT.sykefravaer;2024\n3201;KHT.sykefravaer;20x4;7,27\n";

        assertThatThrownBy(() -> importCsv("felt.csv", csv))
                .hasMessage("felt.csv har 2 feil: linje 2: forventet 4 felt skilt med ';' som i overskriften, fant 3 (blandede"
                        + " skilletegn, eller et felt med skilletegn uten anførselstegn?); linje 3, kolonne year: forventet et"
                        + " årstall, fant '20x4'");
    }

    @Test
    void oneProblemIsToldAsBefore() {
        assertThatThrownBy(() -> importCsv("en.csv", HEADER + "3201;KHT.sykefravaer;2024;x\n"))
                .hasMessage("en.csv linje 2, kolonne value: forventet et tall (som 1 551 770, 0,972 eller 101,2 %) eller et"
                        + " statussymbol (. .. : -), fant 'x'");
    }

    private ImportReport importCsv(String name, String text) {
        return fixture.services.importer().importFile(name, text.getBytes(StandardCharsets.UTF_8), ImportOptions.defaults());
    }
}
