package no.kostra.cli;

import java.util.concurrent.Callable;
import no.kostra.auth.ApiTokens;
import no.kostra.auth.Role;
import no.kostra.service.Services;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Personal API tokens: {@code token create|list|revoke}. The token itself is printed once, alone on the last line. */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Lag, list opp eller trekk tilbake personlige API-tokener.",
        subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
final class TokenCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Lag et token; det vises én gang, på siste linje, og bare en nøkkelhash av det lagres.")
    static final class Create implements Callable<Integer>, ChangesData {
        @Mixin
        DatabaseOptions database;

        @Option(names = "--name", required = true, paramLabel = "NAVN", description = "Et navn som sier hvem det er til og hva det er til.")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLLE", description = "reader (lese), editor (endre) eller admin.")
        String role;

        @Option(names = "--municipality", paramLabel = "KODE", split = ",",
                description = "En kommune en redaktør kan endre tallene til (kan gjentas; hvilket som helst av kommunens"
                        + " numre, for eksempel 0219, 3024 eller 3201). Påkrevd for en redaktør.")
        java.util.List<String> municipalities = new java.util.ArrayList<>();

        @Option(names = "--expires-days", defaultValue = "365", paramLabel = "DAGER", description = "Hvor mange dager det gjelder, 1 til 365 (standard: ${DEFAULT-VALUE}).")
        int expiresDays;

        @Override
        public Integer call() {
            try (Services services = database.open()) {
                java.util.Set<String> regions = new java.util.TreeSet<>();
                for (String code : municipalities) {
                    regions.add(services.catalogs().current().requireMunicipality(code).code());
                }
                ApiTokens.Created created = services.apiTokens().create(name, Role.fromCode(role), regions, expiresDays);
                System.out.println("Token '" + created.listed().name() + "' (" + created.listed().role()
                        + (regions.isEmpty() ? "" : ", " + String.join(", ", regions)) + ") gjelder til "
                        + created.listed().expiresAt() + ". Det vises bare nå; ta vare på det:");
                System.out.println(created.token());
                return 0;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List opp tokenene (aldri selve tokenene).")
    static final class ListTokens implements Callable<Integer> {
        @Mixin
        DatabaseOptions database;

        @Override
        public Integer call() {
            try (Services services = database.open()) {
                for (ApiTokens.Listed t : services.apiTokens().list()) {
                    System.out.printf("%-30s %-16s %-7s %-6s utløper %s%s%s%n", t.name(), t.prefix() + "…", t.role(),
                            String.join(",", t.municipalities()), t.expiresAt(),
                            t.lastUsedAt() == null ? "" : ", sist brukt " + t.lastUsedAt(),
                            t.revokedAt() == null ? "" : ", TRUKKET TILBAKE " + t.revokedAt());
                }
                return 0;
            }
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Trekk tilbake et token, gitt ved navnet.")
    static final class Revoke implements Callable<Integer>, ChangesData {
        @Mixin
        DatabaseOptions database;

        @Parameters(paramLabel = "NAVN", description = "Navnet tokenet ble laget med.")
        String name;

        @Override
        public Integer call() {
            try (Services services = database.open()) {
                services.apiTokens().revoke(name);
                System.out.println("Token '" + name + "' er trukket tilbake.");
                return 0;
            }
        }
    }
}
