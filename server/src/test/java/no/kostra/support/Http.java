package no.kostra.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.Response;
import java.net.http.HttpRequest;
import no.kostra.web.Json;

/** Reading the real app's answers in tests. */
public final class Http {
    private Http() {
    }

    /** Posts a CSV file as a person does with curl (the import routes tell the format from the content type). */
    public static Response postCsv(HttpClient client, String path, String body) {
        return client.request(path, b -> b.post(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "text/csv; charset=utf-8"));
    }

    public static JsonNode json(Response response) throws Exception {
        return Json.MAPPER.readTree(response.body().string());
    }

    /** The first element of a JSON array whose {@code field} is {@code value}; fails the test when there is none. */
    public static JsonNode find(JsonNode list, String field, String value) {
        for (JsonNode n : list) {
            if (n.path(field).asText().equals(value)) {
                return n;
            }
        }
        throw new AssertionError("No element with " + field + " = " + value + " in " + list);
    }
}
