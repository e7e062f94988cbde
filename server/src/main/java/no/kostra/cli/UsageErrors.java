package no.kostra.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * A command given wrongly — an unknown option, a missing or malformed value, a port in use — said in one bokmål
 * sentence and a pointer to the command's help, with exit code 2, like every other message the command line prints.
 * picocli's own messages are English, so each kind of mistake is worded here from what picocli found; a
 * {@link ParameterException} the commands throw themselves is already a bokmål sentence and is printed as it is.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {
    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        String sentence = sentence(e, command);
        err.println(sentence.endsWith(".") ? sentence : sentence + ".");
        err.println("Se '" + command.getCommandSpec().qualifiedName() + " --help' for hva den tar.");
        err.flush();
        return ExpectedFailure.EXIT_CODE;
    }

    static String sentence(ParameterException e, CommandLine command) {
        String name = command.getCommandSpec().qualifiedName(" ").replaceFirst("^\\S+\\s*", "");
        if (e instanceof CommandLine.UnmatchedArgumentException u) {
            String first = u.getUnmatched().isEmpty() ? "" : u.getUnmatched().get(0);
            if (name.isEmpty() && !first.startsWith("-")) {
                return "Ukjent kommando '" + first + "'";
            }
            return u.isUnknownOption() ? "Ukjent valg '" + first + "' for kommandoen " + name
                    : "Kommandoen " + name + " tar ikke '" + first + "'";
        }
        if (e instanceof CommandLine.MissingParameterException m) {
            boolean valueMissing = m.getMessage() != null && m.getMessage().startsWith("Missing required parameter for option");
            if (valueMissing || m.getMessage() != null && m.getMessage().startsWith("Expected parameter")) {
                return label(m.getMissing().isEmpty() ? e.getArgSpec() : m.getMissing().get(0)) + " mangler en verdi";
            }
            List<String> missing = m.getMissing().stream().map(UsageErrors::label).toList();
            return "Kommandoen " + name + " mangler " + joined(missing);
        }
        if (e instanceof CommandLine.OverwrittenOptionException o) {
            return label(o.getOverwritten()) + " er gitt mer enn én gang";
        }
        if (e instanceof CommandLine.MaxValuesExceededException) {
            return "Kommandoen " + name + " fikk for mange verdier";
        }
        if (e instanceof CommandLine.MutuallyExclusiveArgsException) {
            return "Noen av valgene for " + name + " kan ikke brukes sammen";
        }
        if (e.getCause() instanceof CommandLine.TypeConversionException && e.getArgSpec() != null) {
            return "Ugyldig verdi for " + label(e.getArgSpec()) + ": '" + e.getValue() + "' er ikke " + expected(e.getArgSpec());
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.startsWith("Expected parameter for option")) {
            return label(e.getArgSpec()) + " mangler en verdi";
        }
        return message;
    }

    private static String label(ArgSpec arg) {
        if (arg == null) {
            return "et valg";
        }
        return arg instanceof OptionSpec option ? option.longestName() : arg.paramLabel();
    }

    private static String expected(ArgSpec arg) {
        Class<?> type = arg.type();
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "et heltall";
        }
        if (type == double.class || type == Double.class) {
            return "et tall";
        }
        if (Path.class.isAssignableFrom(type)) {
            return "en filsti";
        }
        if (type == URI.class) {
            return "en adresse (URL)";
        }
        if (type.isEnum()) {
            return "en av " + joined(Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList());
        }
        return "en gyldig verdi";
    }

    private static String joined(List<String> items) {
        return items.size() <= 1 ? String.join("", items)
                : String.join(", ", items.subList(0, items.size() - 1)) + " og " + items.get(items.size() - 1);
    }
}
