package no.kostra.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import no.kostra.text.NorwegianList;
import org.apache.commons.csv.CSVRecord;

/**
 * A small CSV file with a header, read whole; each row remembers its line so errors can name it. No more rows than an
 * Excel sheet holds are read.
 */
final class CsvTable {
    private final String name;
    private final List<Row> rows;

    private CsvTable(String name, List<Row> rows) {
        this.name = name;
        this.rows = List.copyOf(rows);
    }

    static CsvTable parse(String name, String text, Set<String> requiredColumns) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        try (Reader reader = new StringReader(text); CSVParser parser = CSVParser.parse(reader, format)) {
            Map<String, Integer> header = parser.getHeaderMap();
            for (String column : requiredColumns) {
                if (!header.containsKey(column)) {
                    throw new IllegalStateException(name + ": mangler kolonnen '" + column + "' (fant "
                            + NorwegianList.and(header.keySet()) + ")");
                }
            }
            List<Row> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                Row row = new Row(name, record);
                if (row.line() > ExcelSheet.MAX_ROWS) {
                    throw new IllegalStateException(name + " linje " + row.line() + ": " + ExcelSheet.TOO_MANY_ROWS);
                }
                rows.add(row);
            }
            return new CsvTable(name, rows);
        } catch (IOException | IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new IllegalStateException(name + ": er ikke en lesbar CSV-fil: " + e.getMessage(), e);
        }
    }

    /** Whether a CSV file's header names every one of the columns (how a catalogue file tells which table it is). */
    static boolean headerHas(byte[] bytes, java.util.Collection<String> columns) {
        String first = CsvFigureReader.decode(bytes).lines().findFirst().orElse("");
        return java.util.Arrays.stream(first.split(",")).map(ImportMapping::normalise)
                .collect(java.util.stream.Collectors.toSet()).containsAll(columns);
    }

    String name() {
        return name;
    }

    List<Row> rows() {
        return rows;
    }

    /** One data row. Line numbers count the header as line 1. */
    static final class Row {
        private static final double LARGEST = 1e12;

        private final String file;
        private final CSVRecord record;

        Row(String file, CSVRecord record) {
            this.file = file;
            this.record = record;
        }

        long line() {
            return record.getRecordNumber() + 1;
        }

        String where(String column) {
            return file + " linje " + line() + ", kolonne " + column;
        }

        String text(String column) {
            String value = record.isMapped(column) && record.isSet(column) ? record.get(column) : "";
            return value == null ? "" : value.trim();
        }

        String required(String column) {
            String value = text(column);
            if (value.isEmpty()) {
                throw new IllegalStateException(where(column) + ": verdi mangler");
            }
            return value;
        }

        String optional(String column) {
            String value = text(column);
            return value.isEmpty() ? null : value;
        }

        int integer(String column) {
            String value = required(column);
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalStateException(where(column) + ": ventet et heltall, fant '" + value + "'");
            }
        }

        Integer optionalInteger(String column) {
            return text(column).isEmpty() ? null : integer(column);
        }

        Double optionalNumber(String column) {
            String value = text(column);
            if (value.isEmpty()) {
                return null;
            }
            double number;
            try {
                number = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new IllegalStateException(where(column) + ": ventet et tall med desimalpunktum, fant '" + value + "'");
            }
            // No figure in these tables comes near a thousand billion; NaN, infinities and 1e308 would not fit a column.
            if (!Double.isFinite(number) || Math.abs(number) >= LARGEST) {
                throw new IllegalStateException(where(column) + ": " + value + " er ikke et tall tabellen kan holde"
                        + " (høyst 12 siffer før komma)");
            }
            return number;
        }

        boolean bool(String column) {
            String value = required(column);
            if (!value.equals("true") && !value.equals("false")) {
                throw new IllegalStateException(where(column) + ": ventet true eller false, fant '" + value + "'");
            }
            return Boolean.parseBoolean(value);
        }
    }
}
