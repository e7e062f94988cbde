package no.kostra.cli;

import io.javalin.Javalin;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import no.kostra.auth.AddinSignIn;
import no.kostra.auth.OidcVerifier;
import no.kostra.compute.NorwegianFormat;
import no.kostra.ingest.SeedFiles;
import no.kostra.service.Product;
import no.kostra.service.Services;
import no.kostra.web.App;
import no.kostra.web.WebSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start tjenesten. Første gang lages databasen og fylles med tallene som følger med (seeds).")
final class ServeCommand implements Callable<Integer>, ChangesData {
    @Mixin
    DatabaseOptions database;

    @Option(names = "--port", defaultValue = "7070", description = "HTTP-port (standard: ${DEFAULT-VALUE}).")
    int port;

    @Mixin
    HttpsOptions https;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Adressen tjenesten lytter på (standard: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--auth", paramLabel = "MÅTE", split = ",",
            description = "tokens, oidc eller begge (tokens,oidc): alle API-ruter unntatt /api/health og /api/ready krever"
                    + " et personlig API-token (se `token create`) eller et tilgangstoken fra OpenID Connect.")
    java.util.List<String> auth = new java.util.ArrayList<>();

    @Option(names = "--oidc-issuer", paramLabel = "URL", description = "Utstederen (issuer), med {tenantid} for flere leietakere (tenants).")
    String oidcIssuer;

    @Option(names = "--oidc-audience", description = "Mottakeren (audience) tilgangstokenene må nevne: API-ets applikasjons-ID-URI.")
    String oidcAudience;

    @Option(names = "--oidc-scope", defaultValue = "Kostra.Access", description = "Omfanget (scope) tilgangstokenene må ha (standard: ${DEFAULT-VALUE}).")
    String oidcScope;

    @Option(names = "--oidc-tenants", split = ",", description = "Leietaker-ID-er som slippes inn når utstederen har {tenantid}.")
    java.util.List<String> oidcTenants = new java.util.ArrayList<>();

    @Option(names = "--oidc-client-id", paramLabel = "ID",
            description = "Tilleggets egen applikasjons-ID (klient-ID), så oppgaveruten kan logge folk inn (med --auth oidc).")
    String oidcClientId;

    @Option(names = "--oidc-municipality-map", paramLabel = "ID=KODE", split = ",",
            description = "Kommunen redaktørene i en Entra-gruppe (objekt-id, fra tokenets groups-krav) eller leietaker"
                    + " (tid) kan endre tallene til, for tokener uten kravet kostra_municipality (kan gjentas).")
    java.util.List<String> oidcMunicipalityMap = new java.util.ArrayList<>();

    @Option(names = "--allowed-host", paramLabel = "NAVN",
            description = "Et annet vertsnavn (eller adresse) tjenesten nås på, i tillegg til loopback-navnene og vertsnavnet"
                    + " i --public-url (kan gjentas); forespørsler til andre vertsnavn avvises med 421.")
    java.util.List<String> allowedHosts = new java.util.ArrayList<>();

    @Option(names = "--insecure-no-auth", description = "Lytt på en annen adresse enn maskinens egen (loopback) uten innlogging.")
    boolean insecureNoAuth;

    @Option(names = "--allowed-origin", paramLabel = "URL",
            description = "Et annet nettsted (origin) hvis sider kan lese fra tjenesten (kan gjentas); ingen kan skrive.")
    java.util.List<String> allowedOrigins = new java.util.ArrayList<>();

    @Option(names = "--rate-limit", paramLabel = "N", defaultValue = "0",
            description = "Forespørsler per minutt per token (eller adresse uten token); 0 = ingen grense (standard).")
    int rateLimit;

    @Override
    public Integer call() throws InterruptedException {
        for (String mode : auth) {
            if (!mode.equals("tokens") && !mode.equals("oidc")) {
                throw new CommandLine.ParameterException(https.spec.commandLine(), "--auth kan være tokens, oidc eller"
                        + " tokens,oidc, ikke '" + mode + "'");
            }
        }
        boolean tokens = auth.contains("tokens");
        java.util.Optional<OidcVerifier.Settings> oidc = java.util.Optional.empty();
        java.util.Optional<AddinSignIn> addinSignIn = java.util.Optional.empty();
        if (oidcClientId != null && !auth.contains("oidc")) {
            throw new CommandLine.ParameterException(https.spec.commandLine(), "--oidc-client-id krever --auth oidc");
        }
        if (!oidcMunicipalityMap.isEmpty() && !auth.contains("oidc")) {
            throw new CommandLine.ParameterException(https.spec.commandLine(), "--oidc-municipality-map krever --auth oidc");
        }
        if (auth.contains("oidc")) {
            if (oidcIssuer == null || oidcAudience == null) {
                throw new CommandLine.ParameterException(https.spec.commandLine(), "--auth oidc krever --oidc-issuer og"
                        + " --oidc-audience");
            }
            try {
                oidc = java.util.Optional.of(new OidcVerifier.Settings(oidcIssuer, oidcAudience, oidcScope,
                        java.util.Set.copyOf(oidcTenants)));
                if (oidcClientId != null) {
                    addinSignIn = java.util.Optional.of(AddinSignIn.of(oidc.get(), oidcClientId));
                }
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(https.spec.commandLine(), e.getMessage());
            }
        }
        if (auth.isEmpty() && !insecureNoAuth && !loopback(host)) {
            throw new CommandLine.ParameterException(https.spec.commandLine(), "Tjenesten lytter på " + host + " uten innlogging;"
                    + " start med --auth tokens (eller --insecure-no-auth om nettet er lukket)");
        }
        if (rateLimit < 0) {
            throw new CommandLine.ParameterException(https.spec.commandLine(), "--rate-limit kan ikke være negativ");
        }
        if (wildcard(host) && https.publicUrl == null && allowedHosts.isEmpty()) {
            throw new CommandLine.ParameterException(https.spec.commandLine(), "Tjenesten lytter på alle adresser (" + host
                    + "), og svarer bare på navnene den er satt opp med: oppgi adressen folk når den på med --public-url"
                    + " (som https://kostra.kommune.no) eller --allowed-host NAVN");
        }
        if (!wildcard(host)) {
            allowedHosts.add(host);
        }
        WebSettings base = https.settings(host, port);
        Services services = Services.open(database.settings(), Clock.systemUTC());
        if (oidc.isPresent() && !oidcMunicipalityMap.isEmpty()) {
            try {
                OidcVerifier.Settings s = oidc.get();
                oidc = java.util.Optional.of(new OidcVerifier.Settings(s.issuer(), s.audience(), s.requiredScope(), s.tenants(),
                        OidcMunicipalityMap.parse(oidcMunicipalityMap, services.catalogs().current())));
            } catch (IllegalArgumentException e) {
                services.close();
                throw new CommandLine.ParameterException(https.spec.commandLine(), e.getMessage());
            }
        }
        WebSettings web = new WebSettings(base.publicUrl(), base.https(), base.limits().withRequestsPerMinute(rateLimit), tokens,
                allowedOrigins, oidc, addinSignIn, allowedHosts);
        services.loadSeeds(SeedFiles.fromClasspath()).ifPresentOrElse(
                r -> System.out.printf("Lastet tallene som følger med: %s tall (%s nye, %s endret, %s uendret)%n",
                        count(r.read()), count(r.added()), count(r.changed()), count(r.unchanged())),
                () -> System.out.println("Tallene som følger med, er lastet fra før"));
        Javalin app;
        try {
            app = App.create(services, web).start(host, port);
        } catch (IllegalArgumentException e) {
            // A certificate or key file that cannot be used: say which and why, without a stack trace.
            services.close();
            throw new CommandLine.ParameterException(https.spec.commandLine(), e.getMessage(), e);
        } catch (RuntimeException e) {
            services.close();
            if (ExpectedFailure.causedBy(e, java.net.BindException.class)) {
                throw new CommandLine.ParameterException(https.spec.commandLine(), "Porten " + port + " på " + host + " er i bruk"
                        + " av en annen prosess (kanskje en annen kostra-server); stopp den, eller velg en annen port med --port");
            }
            throw e;
        }
        if (auth.isEmpty()) {
            System.out.println("Uten innlogging: alle som når " + host + ":" + port + " kan lese og endre tall (start med --auth tokens"
                    + " for å kreve API-token)");
        }
        System.out.println(listening(web, host, app.port(), services.figures().dataRevision()));
        CountDownLatch stopped = new CountDownLatch(1);
        GracefulStop stop = new GracefulStop(() -> {
            System.out.printf("Stopper: tar ikke imot nye forespørsler, og venter på dem som kjører (høyst %d s)%n",
                    App.SHUTDOWN_GRACE.toSeconds());
            app.stop();
            services.close();
            System.out.println("Stoppet");
            stopped.countDown();
        });
        stop.onSignals();
        stopped.await();
        return 0;
    }

    private static boolean wildcard(String host) {
        try {
            return java.net.InetAddress.getByName(host).isAnyLocalAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** The line `serve` prints once it listens: where, and the start page to open next (at the public address). */
    static String listening(WebSettings web, String host, int port, long revision) {
        String base = web.publicUrl().map(u -> u.toString().replaceAll("/$", "")).orElseThrow();
        return Product.NAME + " svarer på " + (web.https().isPresent() ? "https" : "http") + "://" + host + ":" + port
                + " (datarevisjon " + revision + "). Start her: " + base + "/ – der står hva tjenesten har,"
                + " rapportarbeidsbøkene og hvordan Excel-tillegget installeres (" + base + "/addin/manifest.xml).";
    }

    private static String count(long n) {
        return NorwegianFormat.number(n, 0);
    }

    private static boolean loopback(String host) {
        try {
            return java.net.InetAddress.getByName(host).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
