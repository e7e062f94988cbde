package no.kostra.cli;

import no.kostra.service.Product;
import no.kostra.store.WriteActor;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "kostra-server", mixinStandardHelpOptions = true, version = "kostra-server 0.1.0", resourceBundle = "kostra-cli",
        description = Product.NAME + ": lagrer KOSTRA-statistikk og regner ut tjenesteprofiler og ASSS-sammenligninger.",
        subcommands = {ServeCommand.class, ImportCommand.class, FetchSsbCommand.class, UpdateCommand.class, GenerateSyntheticCommand.class,
                ReportCommand.class, ApplyCommand.class, DemoStatBankCommand.class, TokenCommand.class, DesignTemplatesCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        if (args.length == 0 || !args[0].equals("serve")) {
            // A command's own report and its one-sentence errors are what the person reads; the pool's and the
            // migrations' progress lines are for the service's log.
            System.setProperty("kostra.log.level", System.getProperty("kostra.log.level", "WARN"));
        }
        WriteActor.set(new WriteActor("kommandolinje (" + System.getProperty("user.name") + ")", "lokal",
                String.join(" ", args.length > 0 ? java.util.Arrays.copyOf(args, 1) : args)));
        System.exit(execute(commandLine(), args));
    }

    static CommandLine commandLine() {
        CommandLine line = new CommandLine(new Main()).setExecutionExceptionHandler(new ExpectedFailure())
                .setParameterExceptionHandler(new UsageErrors());
        // picocli's own help command carries its English texts in its annotation
        line.getSubcommands().get("help").getCommandSpec().usageMessage().synopsisHeading("Bruk: ")
                .header("Vis hjelpen for kommandoen som nevnes.")
                .description("Uten kommando vises hjelpen for hovedkommandoen.");
        return line;
    }

    /**
     * Runs a command line. An OutOfMemoryError, which picocli lets through, is said in one bokmål sentence with exit
     * code 2 like every condition the person can do something about; a write it interrupted was rolled back.
     */
    static int execute(CommandLine command, String... args) {
        try {
            return command.execute(args);
        } catch (OutOfMemoryError e) {
            command.getErr().println("Minnet tok slutt (Java fikk høyst " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                    + " MB), og en skriving til databasen som var i gang, er rullet tilbake; gi Java mer minne, for eksempel java -Xmx1g -jar"
                    + " kostra-server.jar …, eller del filen.");
            command.getErr().flush();
            return ExpectedFailure.EXIT_CODE;
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
