package no.kostra.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * A bounded number of request bodies read at once on the routes that take files. A body is read on a server thread
 * while it arrives, so without a bound a few hundred clients trickling uploads would hold every thread and health and
 * reads would stop answering; past the bound a client is told at once to come back (503, Retry-After). Thread-safe.
 */
final class UploadSlots {
    static final int RETRY_AFTER_SECONDS = 5;

    private final Semaphore slots;

    UploadSlots(int concurrentUploads) {
        this.slots = new Semaphore(concurrentUploads);
    }

    Handler guard(Handler upload) {
        return ctx -> {
            if (!slots.tryAcquire()) {
                busy(ctx);
                return;
            }
            try {
                upload.handle(ctx);
            } finally {
                slots.release();
            }
        };
    }

    private static void busy(Context ctx) {
        ctx.header("Retry-After", Integer.toString(RETRY_AFTER_SECONDS)).status(HttpStatus.SERVICE_UNAVAILABLE)
                .contentType("application/json; charset=utf-8")
                .result(Json.bytes(new ApiError("Tjenesten tar imot mange filer akkurat nå; prøv igjen om "
                        + RETRY_AFTER_SECONDS + " sekunder", Map.of("retryAfterSeconds", RETRY_AFTER_SECONDS), RequestIds.of(ctx))));
    }
}
