package no.kostra.cli;

import picocli.CommandLine.Option;

/** Who to log in to a server database as: shared by the commands that take --db-url. */
public final class DatabaseLogin {
    @Option(names = "--db-user", defaultValue = "${env:KOSTRA_DB_USER}", paramLabel = "BRUKER", description = "Databasebruker (miljøvariabel KOSTRA_DB_USER).")
    String user;

    @Option(names = "--db-password", defaultValue = "${env:KOSTRA_DB_PASSWORD}",
            paramLabel = "PASSORD", description = "Databasepassord (miljøvariabel KOSTRA_DB_PASSWORD).")
    String password;

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }
}
