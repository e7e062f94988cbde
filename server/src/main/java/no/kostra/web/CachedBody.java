package no.kostra.web;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * A rendered answer as the cache keeps it: its bytes, and the same bytes gzipped once when it is filled, so a client
 * that accepts gzip (every browser, Office's runtimes) gets the compressed answer without the service compressing it
 * again on every request. A profile is 15 KB as JSON and 2.5 KB gzipped.
 */
record CachedBody(byte[] identity, byte[] gzip) {
    /** Below this, gzip saves too little to be worth a header. */
    private static final int WORTH_COMPRESSING = 1024;

    static CachedBody of(byte[] identity) {
        return new CachedBody(identity, identity.length < WORTH_COMPRESSING ? null : gzipped(identity));
    }

    /** Answers with the body, gzipped when the client accepts it; the compression Javalin would add is then skipped. */
    void send(Context ctx, String contentType) {
        send(ctx, contentType, "Accept-Encoding");
    }

    /** As {@link #send(Context, String)}, for an answer that also varies with other request headers ({@code vary}). */
    void send(Context ctx, String contentType, String vary) {
        ctx.contentType(contentType).header("Vary", vary);
        if (gzip != null && acceptsGzip(ctx.header("Accept-Encoding"))) {
            ctx.header("Content-Encoding", "gzip").result(gzip);
        } else {
            ctx.result(identity);
        }
    }

    /** Whether an Accept-Encoding header lists gzip (or *) without refusing it with q=0. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.split(",")) {
            String[] fields = part.trim().toLowerCase(Locale.ROOT).split(";");
            String coding = fields[0].trim();
            if (coding.equals("gzip") || coding.equals("*")) {
                boolean refused = false;
                for (int i = 1; i < fields.length; i++) {
                    String parameter = fields[i].replace(" ", "");
                    refused |= parameter.matches("q=0(\\.0{0,3})?");
                }
                return !refused;
            }
        }
        return false;
    }

    private static byte[] gzipped(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
