package no.kostra.workbook;

/**
 * A template the filler cannot use: not a valid xlsx, or lacking a table, column, defined name or chart the filler
 * expects. The message names the template and the missing part. It is the service's fault (its own template), not the
 * caller's.
 */
public final class TemplateException extends RuntimeException {
    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }

    public TemplateException(String message) {
        super(message);
    }
}
