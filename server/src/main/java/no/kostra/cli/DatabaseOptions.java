package no.kostra.cli;

import java.nio.file.Path;
import java.time.Clock;
import no.kostra.service.Services;
import no.kostra.store.DatabaseSettings;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where the data lives: an embedded H2 database in --data, or a server database given by --db-url. */
final class DatabaseOptions {
    @Option(names = "--data", paramLabel = "MAPPE", defaultValue = "data",
            description = "Mappen den innebygde databasen ligger i (standard: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--db-url", paramLabel = "JDBC_URL", defaultValue = "${env:KOSTRA_DB_URL}",
            description = "JDBC-URL til en PostgreSQL-database i stedet for den innebygde (miljøvariabel KOSTRA_DB_URL).")
    String dbUrl;

    @Mixin
    DatabaseLogin login = new DatabaseLogin();

    /** The services on this database, seeded. */
    Services open() {
        return Services.openSeeded(settings(), Clock.systemUTC());
    }

    DatabaseSettings settings() {
        if (dbUrl != null && !dbUrl.isBlank()) {
            return new DatabaseSettings(dbUrl, login.user(), login.password());
        }
        return DatabaseSettings.embedded(dataDir);
    }
}
