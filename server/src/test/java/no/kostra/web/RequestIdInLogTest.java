package no.kostra.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.read.ListAppender;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import no.kostra.support.SeededServicesExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** A line logged while a request is served carries the request's id, as the configured log pattern writes it. */
class RequestIdInLogTest {
    @RegisterExtension
    final SeededServicesExtension seeded = new SeededServicesExtension();
    private final HttpClient http = HttpClient.newHttpClient();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private Javalin app;

    @BeforeEach
    void start() {
        captured.start();
        root.addAppender(captured);
        app = App.create(seeded.services()).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        app.stop();
        root.detachAppender(captured);
    }

    private HttpResponse<String> importFigure(String value) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/imports?format=csv&name=rettet.csv"))
                .POST(HttpRequest.BodyPublishers.ofString("region;indicator;year;value\n3201;KHT.ressursbruksindikator;2024;" + value + "\n"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theImportsLogLineNamesTheRequestThatMadeIt() throws Exception {
        HttpResponse<String> first = importFigure("0,981");
        HttpResponse<String> second = importFigure("0,982");

        List<ILoggingEvent> imports = captured.list.stream().filter(e -> e.getFormattedMessage().contains("rettet.csv")).toList();
        assertThat(imports).hasSize(2);
        String firstId = first.headers().firstValue(RequestIds.HEADER).orElseThrow();
        String secondId = second.headers().firstValue(RequestIds.HEADER).orElseThrow();
        assertThat(firstId).isNotEqualTo(secondId);
        assertThat(imports.get(0).getMDCPropertyMap()).containsEntry(RequestIds.MDC_KEY, firstId);
        assertThat(imports.get(1).getMDCPropertyMap()).containsEntry(RequestIds.MDC_KEY, secondId);
        @SuppressWarnings("unchecked")
        OutputStreamAppender<ILoggingEvent> console = (OutputStreamAppender<ILoggingEvent>) root.getAppender("CONSOLE");
        String line = new String(console.getEncoder().encode(imports.get(0)), StandardCharsets.UTF_8);
        assertThat(line).contains("request=" + firstId + " - Import ").contains("rettet.csv (csv): 1 read, 0 added, 1 changed");
    }

    @Test
    void aLineLoggedOutsideARequestSaysSo() {
        LoggerFactory.getLogger(RequestIdInLogTest.class).info("Utenfor en forespørsel");

        @SuppressWarnings("unchecked")
        OutputStreamAppender<ILoggingEvent> console = (OutputStreamAppender<ILoggingEvent>) root.getAppender("CONSOLE");
        ILoggingEvent event = captured.list.get(captured.list.size() - 1);
        assertThat(event.getMDCPropertyMap()).doesNotContainKey(RequestIds.MDC_KEY);
        assertThat(new String(console.getEncoder().encode(event), StandardCharsets.UTF_8)).contains("request=- - Utenfor en forespørsel");
    }
}
