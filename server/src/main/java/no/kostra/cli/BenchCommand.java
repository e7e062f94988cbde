package no.kostra.cli;

import picocli.CommandLine.Command;

@Command(name = "bench", mixinStandardHelpOptions = true, description = "Kjør en ytelsesmåling og skriv ut tallene.",
        subcommands = {no.kostra.bench.ProfileRouteBenchmark.class, no.kostra.bench.DataRouteBenchmark.class,
                no.kostra.bench.ImportJsonStatBenchmark.class,
                no.kostra.bench.ReportFillBenchmark.class, no.kostra.bench.ReadBackBenchmark.class,
                no.kostra.bench.UpdateBenchmark.class, no.kostra.bench.SoakBenchmark.class,
                no.kostra.bench.ReportScaleBenchmark.class, no.kostra.bench.KlassMunicipalities.class})
final class BenchCommand implements Runnable {
    @Override
    public void run() {
        System.out.println("Velg en måling: kostra-server bench --help");
    }
}
