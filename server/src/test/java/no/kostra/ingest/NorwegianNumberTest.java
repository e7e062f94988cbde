package no.kostra.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NorwegianNumberTest {
    @ParameterizedTest(name = "''{0}'' reads as {1}")
    @CsvSource(delimiter = '|', value = {
            "1 551 770|1551770",
            "1\u00A0551\u00A0770|1551770",
            "1\u2009551\u2009770|1551770",
            "1\u202F551|1551",
            "0,972|0.972",
            "101,2 %|101.2",
            "−3,3|-3.3",
            "-0,21|-0.21",
            "0.972|0.972",
            "4260|4260"})
    void readsNumbersAsNorwegianReportsPrintThem(String text, double expected) {
        assertThat(NorwegianNumber.parse(text)).hasValue(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "..", "-", "0,97,5", "1.551,7", "12a", "=1+1", "NaN", "Infinity"})
    void refusesWhatIsNotOneNumber(String text) {
        assertThat(NorwegianNumber.parse(text)).isEmpty();
    }
}
