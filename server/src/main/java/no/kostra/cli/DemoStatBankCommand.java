package no.kostra.cli;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import no.kostra.bench.LocalStatBank;
import no.kostra.catalog.Catalog;
import no.kostra.catalog.IndicatorSource;
import no.kostra.compute.NorwegianFormat;
import no.kostra.service.Services;
import no.kostra.store.SourceRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * A local StatBank for trying {@code update} without the internet: made-up answers, labelled SYNTETISK, of every
 * table the catalogue's sources name, for every municipality and group, on the loopback interface until stopped. It
 * enforces SSB's limits (30 calls a minute, 800 000 cells a call), which may be scaled to try them.
 */
@Command(name = "demo-statbank", mixinStandardHelpOptions = true,
        description = "Start en lokal statistikkbank med syntetiske tall (merket SYNTETISK) for å prøve update uten internett.")
final class DemoStatBankCommand implements Callable<Integer> {
    @Mixin
    DatabaseOptions database;

    @Option(names = "--port", defaultValue = "7071", description = "Porten på 127.0.0.1 (standard: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--first-year", defaultValue = "2015", description = "Første år med tall (standard: ${DEFAULT-VALUE}).")
    int firstYear;

    @Option(names = "--last-year", defaultValue = "2025", description = "Siste år med tall (standard: ${DEFAULT-VALUE}).")
    int lastYear;

    @Option(names = "--calls", defaultValue = "30", description = "Kall tillatt i vinduet, som SSB (standard: ${DEFAULT-VALUE}); flere svarer 429.")
    int calls;

    @Option(names = "--window", defaultValue = "60", description = "Vinduet i sekunder, som SSB (standard: ${DEFAULT-VALUE}).")
    int windowSeconds;

    @Option(names = "--cell-limit", defaultValue = "800000", description = "Flest celler i ett kall, som SSB (standard: ${DEFAULT-VALUE}); flere svarer 400.")
    long cellLimit;

    @Override
    public Integer call() throws Exception {
        LocalStatBank.Limits limits;
        try {
            limits = new LocalStatBank.Limits(calls, Duration.ofSeconds(windowSeconds), cellLimit);
        } catch (IllegalArgumentException e) {
            System.err.println("Grensene må være minst ett kall og én celle i et vindu på minst ett sekund (--calls, --window,"
                    + " --cell-limit); fikk " + calls + " kall, " + windowSeconds + " s, " + NorwegianFormat.number(cellLimit, 0) + " celler.");
            return ExpectedFailure.EXIT_CODE;
        }
        Catalog catalog;
        List<IndicatorSource> sources;
        try (Services services = database.open()) {
            catalog = services.catalogs().current();
            sources = services.database().read(SourceRepository::all);
        }
        List<Integer> years = IntStream.rangeClosed(firstYear, lastYear).boxed().toList();
        try (LocalStatBank bank = LocalStatBank.synthetic(catalog, sources, years, port, limits)) {
            System.out.println("Lokal statistikkbank med SYNTETISKE tall på " + bank.v2() + " (stopp med Ctrl+C), høyst "
                    + calls + " kall per " + windowSeconds + " s og " + NorwegianFormat.number(cellLimit, 0) + " celler per kall. Prøv:");
            System.out.println("  java -jar kostra-server.jar update --year " + lastYear + " --ssb-url " + bank.v2());
            new CountDownLatch(1).await();
        }
        return 0;
    }
}
