package no.kostra.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.sql.SQLException;
import java.util.Optional;
import no.kostra.errors.ConflictException;
import no.kostra.errors.InvalidInputException;
import no.kostra.errors.NotFoundException;
import no.kostra.errors.UnconfirmedException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * A failure the person at the terminal can do something about is said in one bokmål sentence, with exit code 2 and no
 * stack trace; anything else is a defect, and picocli's stack trace is what a bug report needs.
 */
final class ExpectedFailure implements IExecutionExceptionHandler {
    static final int EXIT_CODE = 2;

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) throws Exception {
        Optional<String> sentence = sentence(e, command.getCommand() instanceof ChangesData c && c.changesData());
        if (sentence.isEmpty()) {
            throw e;
        }
        command.getErr().println(sentence.get());
        command.getErr().flush();
        return EXIT_CODE;
    }

    /** Whether the failure or any of its causes is of the type. */
    static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** @param couldChange the command could have stored or changed data: the sentence says it did not */
    static Optional<String> sentence(Throwable failure, boolean couldChange) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Optional<String> said = said(t, couldChange);
            if (said.isPresent()) {
                return said;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> said(Throwable t, boolean couldChange) {
        if (t instanceof InvalidInputException || t instanceof NotFoundException || t instanceof ConflictException
                || t instanceof UnconfirmedException) {
            return Optional.of((couldChange ? "Ingenting er endret: " : "") + t.getMessage());
        }
        if (t instanceof NoSuchFileException e) {
            return Optional.of("Fant ikke filen " + e.getFile() + "; sjekk navnet og mappen.");
        }
        if (t instanceof AccessDeniedException e) {
            return Optional.of("Har ikke lov til å lese eller skrive " + e.getFile() + "; sjekk rettighetene.");
        }
        if (t instanceof SQLException e) {
            return database(e);
        }
        return Optional.empty();
    }

    /** H2's error codes and PostgreSQL's SQL states for conditions outside the program's control. */
    private static Optional<String> database(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return switch (e.getErrorCode()) {
            case 90020 -> Optional.of("Databasen er i bruk av en annen prosess som ikke deler den; stopp den prosessen,"
                    + " eller send filen til den kjørende tjenesten (POST /api/imports).");
            case 50200 -> Optional.of("En annen skriving til databasen tok for lang tid (låsen ble ikke ledig); prøv igjen"
                    + " når importen som kjører, er ferdig.");
            case 90146, 90013 -> Optional.of("Fant ikke databasen; sjekk --data eller --db-url.");
            default -> switch (state) {
                case "08001", "08004", "08006" -> Optional.of("Får ikke kontakt med databasen (" + firstLine(e)
                        + "); sjekk at databaseserveren kjører og at --db-url er riktig.");
                case "28000", "28P01" -> Optional.of("Databasen godtok ikke brukernavn eller passord; sjekk --db-user og"
                        + " --db-password.");
                case "3D000" -> Optional.of("Databasen i --db-url finnes ikke; opprett den først.");
                case "55P03" -> Optional.of("En annen skriving til databasen holder låsen; prøv igjen når den er ferdig.");
                case "53100" -> Optional.of("Databasen har ikke mer diskplass; frigjør plass og prøv igjen.");
                default -> Optional.empty();
            };
        };
    }

    private static String firstLine(SQLException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
