package no.kostra.web;

import io.javalin.http.Context;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * Every request gets an id: the caller's {@code X-Request-Id} when it is a plain token (a proxy's), else a new one. It
 * goes back in the header and in every error body, and into every log line written while the request is served (the
 * logging context, {@link MDC}), so a person's report and the log meet.
 */
final class RequestIds {
    static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";
    private static final String ATTRIBUTE = "kostra.requestId";
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private RequestIds() {
    }

    static void assign(Context ctx) {
        String id = kept(ctx.header(HEADER));
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
        MDC.put(MDC_KEY, id);
    }

    /** The caller's id when it is plain (a proxy's), else a new one; null asks for a new one. */
    static String kept(String given) {
        if (given != null && PLAIN.matcher(given).matches()) {
            return given;
        }
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** After the request: the thread goes back to Jetty's pool and must not carry the id into another request's lines. */
    static void release() {
        MDC.remove(MDC_KEY);
    }

    static String of(Context ctx) {
        return ctx.attribute(ATTRIBUTE);
    }
}
