package no.kostra.store;

import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * New observation rows streamed to PostgreSQL with {@code COPY observation FROM STDIN} in text format, on the writer's
 * connection and so inside its transaction: a rollback removes them like any insert. A value goes as the shortest
 * decimal that reads back as its double ({@link Double#toString}, an exponent where it has one); PostgreSQL rounds it
 * to the column's ten decimals half away from zero, as {@link ImportWriter#stored} does for the other writers.
 */
final class PostgresCopySink implements ObservationSink {
    private static final int FLUSH_AT = 1 << 16;
    private final CopyIn copy;
    private final StringBuilder line = new StringBuilder(FLUSH_AT + 1024);
    /** The texts last escaped, by field, with their escaped form: rows repeat indicator, region, vintage and source. */
    private final String[] lastText = new String[6];
    private final String[] lastEscaped = new String[6];

    PostgresCopySink(Connection c) throws SQLException {
        copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy observation (" + COLUMNS + ") from stdin");
    }

    @Override
    public void add(String indicator, String region, int year, int revision, String reportedCode, double value,
                    String status, String vintage, String source, String note, long importId) throws SQLException {
        field(indicator, 0).append('\t');
        field(region, 1).append('\t').append(year).append('\t').append(revision).append('\t');
        field(reportedCode, 2).append('\t');
        (status == null ? line.append(value) : line.append("\\N")).append('\t');
        field(status, 3).append('\t');
        field(vintage, 4).append('\t');
        field(source, 5).append('\t');
        field(note, -1).append('\t').append(importId).append('\n');
        if (line.length() >= FLUSH_AT) {
            flush();
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            flush();
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    @Override
    public void abandon() {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException e) {
            // the rollback that follows takes what was sent
        }
    }

    private void flush() throws SQLException {
        if (line.isEmpty()) {
            return;
        }
        byte[] bytes = line.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        line.setLength(0);
    }

    /**
     * COPY's text format: \N is null; backslash, tab, newline and carriage return are escaped with a backslash.
     *
     * @param slot where the field's last escaped text is kept, or -1 for a field that rarely repeats
     */
    private StringBuilder field(String text, int slot) {
        if (text == null) {
            return line.append("\\N");
        }
        if (slot >= 0 && text == lastText[slot]) {
            return line.append(lastEscaped[slot]);
        }
        int start = line.length();
        escape(text);
        if (slot >= 0) {
            lastText[slot] = text;
            lastEscaped[slot] = line.substring(start);
        }
        return line;
    }

    private void escape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '\\' -> line.append("\\\\");
                case '\t' -> line.append("\\t");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                default -> line.append(ch);
            }
        }
    }
}
