package no.kostra.cli;

import picocli.CommandLine.Option;

/** Who to log in to a server database as: shared by the commands that take --db-url. */
public final class DatabaseLogin {
    @Option(names = "--db-user", defaultValue = "${env:KOSTRA_DB_USER}", description = "Database user (env KOSTRA_DB_USER).")
    String user;

    @Option(names = "--db-password", defaultValue = "${env:KOSTRA_DB_PASSWORD}",
            description = "Database password (env KOSTRA_DB_PASSWORD).")
    String password;

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }
}
