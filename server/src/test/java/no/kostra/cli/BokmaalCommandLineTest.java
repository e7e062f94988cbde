package no.kostra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * What a person reads at the terminal is bokmål: every command's help (picocli's own headings and standard options
 * included), the lines that say what was done, and the errors, which name what was asked and what is valid, name every
 * faulty line of a refused file, and say "Ingenting er endret" only where something could have been changed.
 */
class BokmaalCommandLineTest {
    /** English a help text must not have: picocli's own headings and options, and common English words ("Start" and "List" are bokmål too). */
    private static final Pattern ENGLISH = Pattern.compile(
            "Usage:|Commands:|COMMAND|Show this help|Print version|\\(default:|\\b(the|and|of|with|from|each|every|Fill|Read|Write|Import|Make)\\b");

    @TempDir
    Path dir;

    @Test
    void everyCommandsHelpIsBokmaal() {
        List<String[]> commands = new ArrayList<>();
        commands.add(new String[] {"--help"});
        CommandLine root = Main.commandLine();
        collect(root, new ArrayList<>(), commands);
        for (String[] args : commands) {
            String help = help(args);
            assertThat(help).as(String.join(" ", args)).contains("Bruk:");
            assertThat(help).as(String.join(" ", args)).doesNotContainPattern(ENGLISH);
        }
        assertThat(commands).hasSize(14); // the root, ten commands and token's three (bench and help left out)
    }

    @Test
    void theRootHelpNamesTheProductAndItsCommandsInBokmaal() {
        assertThat(help("--help")).contains("Kostra-arbeidsbenken", "Kommandoer:", "Fyll rapportarbeidsbøker",
                "-h, --help", "Vis denne hjelpen og avslutt.");
    }

    @Test
    void aFilledWorkbookIsReportedInBokmaalWithItsSizeInNorwegianFormat() throws Exception {
        Path out = dir.resolve("kht.xlsx");

        String[] run = CommandRun.run("report", "--template", "kommunehelse", "--region", "3201", "--year", "2024", "--out",
                out.toString(), "--data", dir.resolve("data").toString());

        long size = Files.size(out);
        assertThat(run[0]).as(run[2]).isEqualTo("0");
        assertThat(run[1].strip()).isEqualTo("Skrev " + out + " (Kommunehelse, Bærum 2024, "
                + no.kostra.compute.NorwegianFormat.number(size, 0) + " byte)");
    }

    @Test
    void anUnknownTemplateIsNamedWithTheValidOnesAndNothingIsSaidToHaveChanged() {
        String[] run = CommandRun.run("report", "--template", "kultur", "--region", "3201", "--year", "2024", "--out",
                dir.resolve("x.xlsx").toString(), "--data", dir.resolve("data").toString());

        assertThat(run[0]).isEqualTo("2");
        assertThat(lastLine(run[2])).startsWith("Fant ikke rapportmalen 'kultur'; malene er kommunehelse, pleie-og-omsorg, ")
                .endsWith(" og sammendrag");
    }

    @Test
    void aRefusedCsvNamesEveryFaultyLineOneALine() throws Exception {
        Path csv = dir.resolve("tall.csv");
        Files.writeString(csv, "region;indicator;year;value\n3201;KHT.sykefravaer;1850;7,2,7\n3201;KHT.finnes_ikke;2024;1\n",
                StandardCharsets.UTF_8);

        String[] run = CommandRun.run("import", csv.toString(), "--data", dir.resolve("data").toString());

        assertThat(run[0]).isEqualTo("2");
        List<String> lines = run[2].strip().lines().toList();
        assertThat(lines.subList(lines.size() - 4, lines.size())).containsExactly(
                "Importen ble avvist, ingenting er endret: tall.csv har 3 feil:",
                "  linje 2, kolonne value: forventet et tall (som 1 551 770, 0,972 eller 101,2 %) eller et statussymbol"
                        + " (. .. : -), fant '7,2,7'",
                "  linje 2, kolonne year: ukjent år 1850: forventet et år mellom 1990 og " + java.time.Year.now().getValue(),
                "  linje 3, kolonne indicator: ukjent indikator 'KHT.finnes_ikke'; importer katalogen (--format catalog)"
                        + " eller legg koden i mappingen (indicator.KHT.finnes_ikke=…)");
    }

    /** The sentence a person reads: the last line (the in-process run also logs the database's start above it). */
    private static String lastLine(String stderr) {
        return stderr.strip().lines().reduce((a, b) -> b).orElse("");
    }

    private static void collect(CommandLine command, List<String> path, List<String[]> out) {
        command.getSubcommands().forEach((name, sub) -> {
            // bench is the engineers' measuring tool (no.kostra.bench), documented in English with its figures
            if (!name.equals("help") && !name.equals("bench")) {
                List<String> args = new ArrayList<>(path);
                args.add(name);
                List<String> withHelp = new ArrayList<>(args);
                withHelp.add("--help");
                out.add(withHelp.toArray(String[]::new));
                collect(sub, args, out);
            }
        });
    }

    private static String help(String... args) {
        CommandLine root = Main.commandLine();
        StringWriter out = new StringWriter();
        root.setOut(new PrintWriter(out));
        int exit = root.execute(args);
        assertThat(exit).as(String.join(" ", args)).isZero();
        return out.toString();
    }
}
