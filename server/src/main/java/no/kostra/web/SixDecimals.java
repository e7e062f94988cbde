package no.kostra.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Every decimal number an answer carries is rounded to six places, half away from zero, in this one place: only to remove
 * binary noise (-2.8000000000000025 → -2.8), never real precision, since clients format figures themselves. A value that
 * is not a number (a division by zero that slipped through) is written as null, never as a token JSON does not have.
 */
final class SixDecimals extends StdSerializer<Double> {
    static final int PLACES = 6;

    private SixDecimals() {
        super(Double.class);
    }

    static SimpleModule module() {
        SimpleModule module = new SimpleModule("six-decimals");
        module.addSerializer(Double.class, new SixDecimals());
        module.addSerializer(double.class, new SixDecimals());
        return module;
    }

    @Override
    public void serialize(Double value, JsonGenerator out, SerializerProvider provider) throws IOException {
        if (!Double.isFinite(value)) {
            out.writeNull();
            return;
        }
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(PLACES, RoundingMode.HALF_UP).stripTrailingZeros();
        out.writeNumber(rounded.signum() == 0 ? BigDecimal.ZERO : rounded);
    }
}
