package no.kostra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A command given wrongly, or a port another process holds, is said in one bokmål sentence with exit code 2, never
 * picocli's English or a stack trace (issue 20, item 12).
 */
class UsageErrorsTest {
    @TempDir
    Path dir;

    private static String[] run(String... args) {
        return CommandRun.run(args);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "update --year abc|Ugyldig verdi for --year: 'abc' er ikke et heltall",
            "serve --port seven|Ugyldig verdi for --port: 'seven' er ikke et heltall",
            "serve --no-such-flag|Ukjent valg '--no-such-flag' for kommandoen serve",
            "token create --role editor|Kommandoen token create mangler --name",
            "token create|Kommandoen token create mangler --name og --role",
            "import|Kommandoen import mangler FIL",
            "report --template|--template mangler en verdi",
            "import a.csv b.csv|Kommandoen import tar ikke 'b.csv'",
            "serve --port 1 --port 2|--port er gitt mer enn én gang",
            "no-such-command|Ukjent kommando 'no-such-command'"})
    void aCommandGivenWronglyIsOneBokmaalSentenceAndExitCode2(String line, String sentence) {
        String[] result = run(line.split(" "));

        assertThat(result[0]).as(result[2]).isEqualTo("2");
        assertThat(result[2].lines().toList()).as(result[2]).containsExactly(sentence + ".",
                "Se '" + ("kostra-server " + commandOf(line)).strip() + " --help' for hva den tar.");
    }

    private static String commandOf(String line) {
        String[] words = line.split(" ");
        if (words[0].equals("no-such-command")) {
            return "";
        }
        return words[0].equals("token") && words.length > 1 && !words[1].startsWith("-") ? "token " + words[1] : words[0];
    }

    @Test
    void serveOnAPortInUseSaysSoInOneSentence() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String[] result = run("serve", "--port", String.valueOf(busy.getLocalPort()), "--data", dir.resolve("data").toString());

            assertThat(result[0]).isEqualTo("2");
            assertThat(result[2].strip().lines().filter(l -> !l.matches("\\d{4}-\\d\\d-\\d\\d .*")).toList()).containsExactly(
                    "Porten " + busy.getLocalPort() + " på 127.0.0.1 er i bruk av en annen prosess (kanskje en annen"
                            + " kostra-server); stopp den, eller velg en annen port med --port.",
                    "Se 'kostra-server serve --help' for hva den tar.");
        }
    }

    @Test
    void serveOnEveryAddressWithoutAPublicNameIsRefused() {
        String[] result = run("serve", "--host", "0.0.0.0", "--auth", "tokens", "--data", dir.resolve("data").toString());

        assertThat(result[0]).isEqualTo("2");
        assertThat(result[2].lines().findFirst().orElseThrow()).isEqualTo("Tjenesten lytter på alle adresser (0.0.0.0), og"
                + " svarer bare på navnene den er satt opp med: oppgi adressen folk når den på med --public-url (som"
                + " https://kostra.kommune.no) eller --allowed-host NAVN.");
    }
}
