package no.kostra.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.function.Supplier;
import no.kostra.errors.InvalidInputException;
import no.kostra.ingest.ImportFormat;
import no.kostra.ingest.ImportReport;
import no.kostra.workbook.FilledReport;

/**
 * How long the service's two heavy jobs take, apart from the request around them: an import (read, check, write) by
 * format and outcome, and a report fill by template. A fill served from the download cache is not a fill and is not
 * timed. Tags come only from known values (formats, template ids), never from what a caller typed. Thread-safe.
 */
final class WorkTimings {
    private final MeterRegistry registry;

    WorkTimings(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Times one import. Its outcome is {@code stored} (something added or changed), {@code unchanged}, {@code refused}
     * (a file the import rejects with a reason) or {@code failed}; its format is the one read, or the one asked for
     * ({@code detect} when none) if it never got that far.
     */
    ImportReport importing(ImportFormat asked, Supplier<ImportReport> work) {
        Timer.Sample sample = Timer.start(registry);
        String format = asked == null ? "detect" : asked.code();
        String outcome = "failed";
        try {
            ImportReport report = work.get();
            format = report.format();
            outcome = report.added() + report.changed() > 0 ? "stored" : "unchanged";
            return report;
        } catch (InvalidInputException e) {
            outcome = "refused";
            throw e;
        } finally {
            sample.stop(Timer.builder("kostra.imports").description("Imports done, by format and outcome, and how long they took")
                    .tag("format", format).tag("outcome", outcome).publishPercentiles(0.5, 0.99).register(registry));
        }
    }

    /** Times one fill that succeeds; one that fails (an unknown template or region) shows in the request metrics. */
    FilledReport filling(Supplier<FilledReport> work) {
        Timer.Sample sample = Timer.start(registry);
        FilledReport report = work.get();
        sample.stop(Timer.builder("kostra.report.fills").description("Report workbooks filled, by template, and how long it took")
                .tag("template", report.template().id()).publishPercentiles(0.5, 0.99).register(registry));
        return report;
    }
}
