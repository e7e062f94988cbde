package no.kostra.workbook;

/**
 * The live formulas the filler writes, over cells of the same row (A1 references). Each shows the status symbol
 * {@value CellWriter#NOT_AVAILABLE} when an input is missing, never 0 or an error.
 */
final class Formulas {
    private Formulas() {
    }

    /** (value / mean − 1) × 100: percent over (+) or under (−) the mean. */
    static String deviation(String value, String mean) {
        return guarded(value, mean, mean) + "(" + value + "/" + mean + "-1)*100,\"" + CellWriter.NOT_AVAILABLE + "\")";
    }

    /** E = (1 + P) / (1 + C) − 1, from cost and production in percent over ASSS, in percent. */
    static String efficiency(String cost, String production) {
        return "IF(AND(ISNUMBER(" + cost + "),ISNUMBER(" + production + ")),(1+" + production + "/100)/(1+" + cost
                + "/100)*100-100,\"" + CellWriter.NOT_AVAILABLE + "\")";
    }

    /** IF(both are numbers and the divisor is not 0, … — the caller closes it with the value and the symbol. */
    static String guarded(String a, String b, String nonZero) {
        return "IF(AND(ISNUMBER(" + a + "),ISNUMBER(" + b + ")," + nonZero + "<>0),";
    }
}
