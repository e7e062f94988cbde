package no.kostra.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A table to answer as CSV for Norwegian Excel: {@code ;} between cells, decimal comma, UTF-8 with a byte-order mark
 * so Excel reads æøå. Text that Excel could read as a formula (starting with = + - @, tab or carriage return) is
 * prefixed with {@code '} (OWASP "CSV injection"); numbers are written as numbers, so −8,2 stays a number. A double
 * is written with the decimals it has; a {@link BigDecimal} (a figure rounded as a table shows it) with its scale, 1,000.
 */
public record CsvSheet(List<String> header, List<List<Object>> rows) {
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\r\n").get();
    private static final String BOM = "\uFEFF";

    public CsvSheet {
        header = List.copyOf(header);
        rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new ArrayList<>(r))).toList();
    }

    /** Builds a sheet row by row. */
    public static Builder of(String... header) {
        return new Builder(Arrays.asList(header));
    }

    public byte[] bytes() {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            printer.printRecord(header.stream().map(CsvSheet::text).toList());
            for (List<Object> row : rows) {
                printer.printRecord(row.stream().map(CsvSheet::cell).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return (BOM + out).getBytes(StandardCharsets.UTF_8);
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal rounded) {
            return rounded.toPlainString().replace('.', ',');
        }
        if (value instanceof Double || value instanceof Float) {
            return new BigDecimal(value.toString()).stripTrailingZeros().toPlainString().replace('.', ',');
        }
        if (value instanceof Number) {
            return value.toString();
        }
        return text(value.toString());
    }

    /**
     * Text cells that a spreadsheet would evaluate get a leading apostrophe. SSB's status symbol {@code -} (nil) alone
     * is no formula, and stays as it is.
     */
    static String text(String value) {
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 && !value.equals("-")) {
            return "'" + value;
        }
        return value;
    }

    public static final class Builder {
        private final List<String> header;
        private final List<List<Object>> rows = new ArrayList<>();

        private Builder(List<String> header) {
            this.header = header;
        }

        public Builder row(Object... cells) {
            if (cells.length != header.size()) {
                throw new IllegalArgumentException("A row has " + cells.length + " cells for " + header.size() + " columns");
            }
            rows.add(Arrays.asList(cells));
            return this;
        }

        public CsvSheet build() {
            return new CsvSheet(header, rows);
        }
    }
}
