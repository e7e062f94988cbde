package no.kostra.cli;

import no.kostra.store.WriteActor;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "kostra-server", mixinStandardHelpOptions = true, version = "kostra-server 0.1.0",
        description = "Kostra workbench: stores KOSTRA statistics and computes service profiles and ASSS comparisons.",
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
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new Main()).setExecutionExceptionHandler(new ExpectedFailure());
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
