package no.kostra.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextLinesTest {
    @Test
    void aShortTextTakesOneLine() {
        assertThat(TextLines.count("Kategori", 13, true)).isEqualTo(1);
    }

    @Test
    void wordsWrapWholeSoALineCarriesLessThanItsWidth() {
        // 10 units hold 11 bold characters: "Avvik fra" (9) | "ASSS-snitt" (10) | "(%)" would join it at 14 > 11
        assertThat(TextLines.count("Avvik fra ASSS-snitt (%)", 10, true)).isEqualTo(3);
        // 20 units hold 22: "Avvik fra ASSS-snitt" (20) | "(%)"
        assertThat(TextLines.count("Avvik fra ASSS-snitt (%)", 20, true)).isEqualTo(2);
        assertThat(TextLines.count("Avvik fra ASSS-snitt (%)", 24, false)).isEqualTo(1);
    }

    @Test
    void aWordLongerThanTheLineIsBrokenAndALineBreakStartsANewLine() {
        assertThat(TextLines.count("Brutto driftsutgifter\nper innbygger", 30, false)).isEqualTo(2);
        // 10 units hold 12,5 characters
        assertThat(TextLines.count("x".repeat(30), 10, false)).isEqualTo(3);
    }

    @Test
    void aRowIsFourteenAndAHalfPointsALineAndALittleRoom() {
        assertThat(TextLines.height(1)).isEqualTo(17.5f);
        assertThat(TextLines.height(3)).isEqualTo(46.5f);
    }
}
