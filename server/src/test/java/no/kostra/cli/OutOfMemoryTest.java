package no.kostra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * A command that runs out of memory says so in one bokmål sentence and exits with code 2 (issue 22, item 8): before,
 * the import printed the JVM's stack trace and exited 1.
 */
class OutOfMemoryTest {
    @CommandLine.Command(name = "exhausting")
    static final class Exhausting implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new OutOfMemoryError("Java heap space");
        }
    }

    @Test
    void anOutOfMemoryErrorInAnyCommandIsOneBokmalSentenceAndExitCode2() {
        CommandLine command = new CommandLine(new Exhausting()).setExecutionExceptionHandler(new ExpectedFailure());
        StringWriter err = new StringWriter();
        command.setErr(new PrintWriter(err, true));

        int exit = Main.execute(command);

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().strip()).startsWith("Minnet tok slutt (Java fikk høyst ")
                .endsWith("; gi Java mer minne, for eksempel java -Xmx1g -jar kostra-server.jar …, eller del filen.")
                .doesNotContain("\tat ", "OutOfMemoryError").hasLineCount(1);
    }
}
