package no.kostra.workbook.roundtrip;

import java.math.BigDecimal;

final class Numbers {
    private Numbers() {
    }

    /** 97.2, 1551770, 0.082: plain decimal text, never an exponent. */
    static String plain(double value) {
        BigDecimal d = BigDecimal.valueOf(value).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }
}
