package no.kostra.ingest;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.kostra.errors.InvalidInputException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV table: {@code ;}, {@code ,} or tab as separator (told by the header line), UTF-8 with or without BOM,
 * or Windows-1252 when the bytes are not UTF-8 (as Excel saves "CSV" on Norwegian Windows). Every row must have as
 * many fields as the header; a row that has not is handed to the visitor as a problem ({@link TableVisitor#refuse}),
 * so a file that mixes separators is refused naming its odd rows. A file with more rows than an Excel sheet holds is
 * refused at the first row beyond it.
 */
final class CsvFigureReader {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private CsvFigureReader() {
    }

    static void read(String file, byte[] bytes, TableVisitor visitor) {
        String text = decode(bytes);
        char separator = separator(file, text);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separator).setIgnoreEmptyLines(true).get();
        long line = 1;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<String> header = null;
            for (CSVRecord record : parser) {
                line = record.getRecordNumber() == 1 ? 1 : parser.getCurrentLineNumber();
                long rowLine = line;
                if (record.getRecordNumber() > ExcelSheet.MAX_ROWS) {
                    throw new InvalidInputException(file + " linje " + rowLine + ": " + ExcelSheet.TOO_MANY_ROWS,
                            Map.of("file", file, "where", "linje " + rowLine, "field", "rows", "limit", ExcelSheet.MAX_ROWS));
                }
                List<String> cells = new ArrayList<>(record.size());
                record.forEach(cells::add);
                if (header == null) {
                    header = cells;
                    visitor.header(header);
                    continue;
                }
                if (cells.size() != header.size()) {
                    visitor.refuse(new InvalidInputException(file + " linje " + rowLine + ": forventet " + header.size()
                            + " felt skilt med '" + separator + "' som i overskriften, fant " + cells.size()
                            + " (blandede skilletegn, eller et felt med skilletegn uten anførselstegn?)",
                            Map.of("file", file, "where", "linje " + rowLine, "field", "separator")));
                    continue;
                }
                List<String> columns = header;
                visitor.row(cells, (column, field) -> "linje " + rowLine + ", kolonne " + columnName(columns, column, field));
            }
            if (header == null) {
                throw new InvalidInputException(file + ": filen er tom", Map.of("file", file));
            }
        } catch (IOException | UncheckedIOException e) {
            String where = "linje " + (line + 1);
            throw new InvalidInputException(file + " " + where + ": ugyldige anførselstegn (et felt som starter med \" må"
                    + " slutte med \", og \" inne i feltet skrives \"\")", Map.of("file", file, "where", where, "field", "quoting"));
        }
    }

    private static String columnName(List<String> header, int column, String field) {
        return column >= 0 && column < header.size() ? header.get(column).strip() : field;
    }

    /** UTF-8 (BOM stripped) when the bytes are valid UTF-8, else Windows-1252. */
    static String decode(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            return new String(bytes, WINDOWS_1252);
        }
    }

    /** The separator the header line uses; a header with more than one kind is refused. */
    private static char separator(String file, String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        int semicolons = count(header, ';');
        int commas = count(header, ',');
        int tabs = count(header, '\t');
        if ((semicolons > 0 ? 1 : 0) + (commas > 0 ? 1 : 0) + (tabs > 0 ? 1 : 0) > 1) {
            throw new InvalidInputException(file + " linje 1: overskriften blander skilletegn (" + semicolons + " ';', "
                    + commas + " ',', " + tabs + " tab); bruk ett", Map.of("file", file, "where", "linje 1", "field", "separator"));
        }
        return semicolons > 0 ? ';' : tabs > 0 ? '\t' : ',';
    }

    private static int count(String s, char c) {
        int n = 0;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == c && !quoted) {
                n++;
            }
        }
        return n;
    }
}
