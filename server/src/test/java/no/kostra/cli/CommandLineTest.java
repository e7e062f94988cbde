package no.kostra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
import org.junit.jupiter.api.Test;

class CommandLineTest {
    @Test
    void everyCommandExplainsItselfWithHelp() {
        CommandLine root = Main.commandLine();
        assertHelp(root, "--help");
        for (String name : root.getSubcommands().keySet()) {
            if (!name.equals("help")) {
                assertHelp(root, name, "--help");
            }
        }
    }

    @Test
    void serveTakesAPortAndADataFolder() {
        String usage = help(Main.commandLine(), "serve", "--help");

        assertThat(usage).contains("--port", "--data", "--db-url");
    }

    private static void assertHelp(CommandLine root, String... args) {
        assertThat(help(root, args)).as(String.join(" ", args)).contains("Bruk:");
    }

    private static String help(CommandLine root, String... args) {
        StringWriter out = new StringWriter();
        root.setOut(new PrintWriter(out));
        int exit = root.execute(args);
        assertThat(exit).as(String.join(" ", args)).isZero();
        return out.toString();
    }
}
