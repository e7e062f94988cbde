package no.kostra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code token create|list|revoke}: the token once, alone on the last line; a list that never shows it. */
class TokenCommandTest {
    @TempDir
    Path dir;

    private static String[] run(String... args) {
        return CommandRun.run(args);
    }

    @Test
    void aTokenIsPrintedOnceAloneOnTheLastLineAndListedOnlyByItsPrefix() {
        String data = dir.resolve("data").toString();

        String[] created = run("token", "create", "--name", "skript Kari", "--role", "editor", "--municipality", "3024",
                "--expires-days", "30", "--data", data);
        String[] listed = run("token", "list", "--data", data);
        String[] revoked = run("token", "revoke", "skript Kari", "--data", data);
        String[] again = run("token", "revoke", "skript Kari", "--data", data);

        assertThat(created[0]).as(created[2]).isEqualTo("0");
        List<String> lines = created[1].strip().lines().toList();
        String token = lines.get(lines.size() - 1);
        assertThat(token).matches("kostra_[A-Za-z0-9_-]{43}");
        assertThat(lines.get(0)).contains("skript Kari", "editor", "3201");
        assertThat(listed[1]).contains("skript Kari", token.substring(0, 13)).doesNotContain(token);
        assertThat(revoked[1]).contains("trukket tilbake");
        assertThat(again[0]).isEqualTo("2");
        assertThat(again[2].strip().lines().reduce((a, b) -> b).orElseThrow())
                .isEqualTo("Ingenting er endret: Fant ikke et gyldig token som heter 'skript Kari'");
    }

    @Test
    void anEditorTokenWithoutAMunicipalityIsRefusedWithWhatToAdd() {
        String data = dir.resolve("data").toString();

        String[] refused = run("token", "create", "--name", "redaktør", "--role", "editor", "--data", data);

        assertThat(refused[0]).isEqualTo("2");
        assertThat(refused[2].strip().lines().reduce((a, b) -> b).orElseThrow()).isEqualTo("Ingenting er endret: Et token med rollen editor må knyttes til kommunene det"
                + " kan endre: legg til --municipality KODE (én gang for hver kommune)");
        assertThat(run("token", "list", "--data", data)[1]).doesNotContain("redaktør");
    }

    @Test
    void anEditorMayBeBoundToSeveralMunicipalitiesNamedByAnyOfTheirNumbers() {
        String data = dir.resolve("data").toString();

        String[] created = run("token", "create", "--name", "Asker og Bærum", "--role", "editor", "--municipality", "0219",
                "--municipality", "0220", "--data", data);

        assertThat(created[0]).as(created[2]).isEqualTo("0");
        assertThat(created[1].lines().findFirst().orElseThrow()).contains("(editor, 3201, 3203)");
        assertThat(run("token", "list", "--data", data)[1]).contains("3201,3203");
    }

    @Test
    void aMunicipalityForAReaderOrAnAdminIsRefused() {
        String[] refused = run("token", "create", "--name", "les", "--role", "reader", "--municipality", "3201", "--data",
                dir.resolve("data").toString());

        assertThat(refused[0]).isEqualTo("2");
        assertThat(refused[2].strip().lines().reduce((a, b) -> b).orElseThrow()).isEqualTo("Ingenting er endret: --municipality"
                + " gjelder bare rollen editor: en reader leser alle kommuner, og en admin endrer alle; ta bort --municipality");
    }
}
