package no.kostra.cli;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import no.kostra.bench.LocalStatBank;
import no.kostra.catalog.Catalog;
import no.kostra.catalog.IndicatorSource;
import no.kostra.service.Services;
import no.kostra.store.SourceRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * A local StatBank for trying {@code update} without the internet: made-up answers, labelled SYNTETISK, of every
 * table the catalogue's sources name, for every municipality and group, on the loopback interface until stopped.
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

    @Override
    public Integer call() throws Exception {
        Catalog catalog;
        List<IndicatorSource> sources;
        try (Services services = database.open()) {
            catalog = services.catalogs().current();
            sources = services.database().read(SourceRepository::all);
        }
        List<Integer> years = IntStream.rangeClosed(firstYear, lastYear).boxed().toList();
        try (LocalStatBank bank = LocalStatBank.synthetic(catalog, sources, years, port)) {
            System.out.println("Lokal statistikkbank med SYNTETISKE tall på " + bank.v2() + " (stopp med Ctrl+C). Prøv:");
            System.out.println("  java -jar kostra-server.jar update --year " + lastYear + " --ssb-url " + bank.v2());
            new CountDownLatch(1).await();
        }
        return 0;
    }
}
