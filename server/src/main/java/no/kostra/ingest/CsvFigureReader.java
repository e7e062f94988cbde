package no.kostra.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
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
 * refused at the first row beyond it. Streams: the bytes are read once to tell the encoding and once to read the
 * rows, and no more than a row is held.
 */
final class CsvFigureReader {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** The longest header line read to tell the separator by. */
    private static final int HEADER_LIMIT = 1 << 16;

    private CsvFigureReader() {
    }

    static void read(ImportSource source, TableVisitor visitor) {
        String file = source.name();
        try (Reader text = reader(source)) {
            char separator = separator(file, text);
            CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separator).setIgnoreEmptyLines(true).get();
            read(file, CSVParser.parse(text, format), separator, visitor);
        } catch (IOException e) {
            throw new InvalidInputException(file + ": filen kan ikke leses (" + e.getMessage() + ")", Map.of("file", file));
        }
    }

    private static void read(String file, CSVParser csv, char separator, TableVisitor visitor) throws IOException {
        long line = 1;
        try (CSVParser parser = csv) {
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
                    List<String> columns = header;
                    visitor.header(header, (row, column, field) -> "linje " + row + ", kolonne " + columnName(columns, column, field));
                    continue;
                }
                if (cells.size() != header.size()) {
                    visitor.refuse(new InvalidInputException(file + " linje " + rowLine + ": forventet " + header.size()
                            + " felt skilt med '" + separator + "' som i overskriften, fant " + cells.size()
                            + " (blandede skilletegn, eller et felt med skilletegn uten anførselstegn?)",
                            Map.of("file", file, "where", "linje " + rowLine, "field", "separator")));
                    continue;
                }
                visitor.row(cells, rowLine);
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

    /** The text in its encoding, BOM left out: UTF-8 when every byte reads as UTF-8, else Windows-1252. */
    private static Reader reader(ImportSource source) throws IOException {
        Charset charset = StandardCharsets.UTF_8;
        try (Reader check = new InputStreamReader(source.open(), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))) {
            check.transferTo(Writer.nullWriter());
        } catch (CharacterCodingException e) {
            charset = WINDOWS_1252;
        }
        BufferedReader text = new BufferedReader(new InputStreamReader(source.open(), charset), HEADER_LIMIT * 2);
        text.mark(1);
        if (text.read() != '\uFEFF') {
            text.reset();
        }
        return text;
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

    /** The separator the header line uses, the reader left where it was; a header with more than one kind is refused. */
    private static char separator(String file, Reader text) throws IOException {
        text.mark(HEADER_LIMIT);
        char[] start = new char[HEADER_LIMIT];
        int n = text.read(start);
        text.reset();
        String read = n < 0 ? "" : new String(start, 0, n);
        int end = read.indexOf('\n');
        String header = end < 0 ? read : read.substring(0, end);
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
