package no.kostra.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.kostra.support.SeededServicesExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Many clients that trickle an upload a byte at a time (the probe of issue 12: 260 POSTs, a byte every two seconds,
 * froze /api/health): uploads beyond the service's slots are told to come back at once, the ones in a slot are cut off
 * once they fall under the minimum data rate, and health and reads keep answering throughout.
 */
class SlowClientsTest {
    private static final int SLOW_CLIENTS = 300;

    @RegisterExtension
    static final SeededServicesExtension SEEDED = new SeededServicesExtension();

    private static Socket trickle(int port) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(20_000);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /api/imports?name=sakte.csv HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/csv\r\n"
                + "Content-Length: 100000\r\n\r\nr").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    /** The status line the server answered, or empty when it closed the connection without one. */
    private static Optional<String> answer(Socket socket) {
        try {
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
                line.append((char) b);
            }
            return line.length() == 0 ? Optional.empty() : Optional.of(line.toString().trim());
        } catch (IOException closed) {
            return Optional.empty();
        }
    }

    @Test
    void healthAndReadsAnswerWhileManyUploadsTrickleAndTheTricklersAreCutOff() throws Exception {
        ServerLimits limits = new ServerLimits(Duration.ofSeconds(10), 1024, 4, 16 * 1024, 0);
        Javalin app = App.create(SEEDED.services(), new WebSettings(Optional.empty(), Optional.empty(), limits)).start("127.0.0.1", 0);
        List<Socket> slow = new ArrayList<>();
        try {
            int port = app.port();
            // given many uploads that send their first byte and then trickle
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                slow.add(trickle(port));
            }
            Thread trickler = new Thread(() -> {
                for (int round = 0; round < 10; round++) {
                    for (Socket s : slow) {
                        try {
                            s.getOutputStream().write('x');
                            s.getOutputStream().flush();
                        } catch (IOException cutOff) {
                            // the server closed it: what the test wants to see
                        }
                    }
                    try {
                        Thread.sleep(500);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            trickler.setDaemon(true);
            trickler.start();

            // when health and a profile are asked for meanwhile
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            for (int probe = 0; probe < 5; probe++) {
                for (String path : List.of("/api/health", "/api/profile?region=3201&area=KHT&year=2024")) {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                    // then they answer (a liveness bound, not a speed measure: before the fix health did not answer at all)
                    assertThat(response.statusCode()).as(path).isEqualTo(200);
                }
                Thread.sleep(300);
            }

            // and every trickling upload was answered: at once with 503 beyond the slots, else cut off with 408 or a close
            List<String> answers = new ArrayList<>();
            for (Socket s : slow) {
                answers.add(answer(s).orElse("closed"));
            }
            assertThat(answers).allSatisfy(a -> assertThat(a).matches("HTTP/1.1 (503|408).*|closed"));
            assertThat(answers).anyMatch(a -> a.startsWith("HTTP/1.1 503")).anyMatch(a -> a.startsWith("HTTP/1.1 408"));
            trickler.interrupt();
        } finally {
            for (Socket s : slow) {
                s.close();
            }
            app.stop();
        }
    }
}
