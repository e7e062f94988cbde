package no.kostra.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * New observation rows streamed to PostgreSQL with {@code COPY observation FROM STDIN} in text format, on the writer's
 * connection and so inside its transaction: a rollback removes them like any insert.
 */
final class PostgresCopySink implements ObservationSink {
    private static final int FLUSH_AT = 1 << 16;
    private final CopyIn copy;
    private final StringBuilder line = new StringBuilder(FLUSH_AT + 1024);

    PostgresCopySink(Connection c) throws SQLException {
        copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy observation (" + COLUMNS + ") from stdin");
    }

    @Override
    public void add(String indicator, String region, int year, int revision, String reportedCode, BigDecimal value,
                    String status, String vintage, String source, String note, long importId) throws SQLException {
        field(indicator).append('\t');
        field(region).append('\t').append(year).append('\t').append(revision).append('\t');
        field(reportedCode).append('\t');
        field(value == null ? null : value.toPlainString()).append('\t');
        field(status).append('\t');
        field(vintage).append('\t');
        field(source).append('\t');
        field(note).append('\t').append(importId).append('\n');
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

    /** COPY's text format: \N is null; backslash, tab, newline and carriage return are escaped with a backslash. */
    private StringBuilder field(String text) {
        if (text == null) {
            return line.append("\\N");
        }
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
        return line;
    }
}
