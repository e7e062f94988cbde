package no.kostra.compute;

/** Removes binary floating-point noise (97.19999999999999 → 97.2) without rounding away real precision. */
final class Rounding {
    private static final double SCALE = 1e6;

    private Rounding() {
    }

    static Double clean(Double value) {
        return value == null ? null : Math.round(value * SCALE) / SCALE;
    }
}
