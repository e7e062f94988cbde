package no.kostra.ingest.ssb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local StatBank: serves the JSON-stat fixtures under ingest/ssb/ in the PxWebApi v2 form (table 12603) and the v1
 * form (table 99999, unknown to v2), answering each data query with exactly the cells asked for.
 */
final class StatBankStub implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    final List<String> requests = new CopyOnWriteArrayList<>();
    final List<String> postedBodies = new CopyOnWriteArrayList<>();
    volatile String updated = "2025-03-15T07:00:00Z";
    volatile int tooManyRequests;
    private final HttpServer server;

    StatBankStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/pxwebapi/v2/tables/", this::v2);
        server.createContext("/api/v0/no/table/", this::v1);
        server.start();
    }

    URI v2() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/pxwebapi/v2");
    }

    URI v1() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v0/no");
    }

    private void v2(HttpExchange x) throws IOException {
        requests.add(x.getRequestMethod() + " " + x.getRequestURI());
        if (tooManyRequests > 0 && x.getRequestURI().getPath().endsWith("/data")) {
            tooManyRequests--;
            x.getResponseHeaders().add("Retry-After", "7");
            respond(x, 429, "{\"error\":\"Too many requests\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String path = x.getRequestURI().getPath();
        if (!path.contains("/12603/")) {
            respond(x, 404, "{\"error\":\"table not found\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (path.endsWith("/metadata")) {
            ObjectNode meta = (ObjectNode) fixture("12603-metadata.json");
            meta.put("updated", updated);
            respond(x, 200, JSON.writeValueAsBytes(meta));
            return;
        }
        Map<String, List<String>> asked = new LinkedHashMap<>();
        for (String pair : x.getRequestURI().getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            String key = URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
            if (key.startsWith("valueCodes[")) {
                asked.put(key.substring(11, key.length() - 1), List.of(URLDecoder.decode(kv[1], StandardCharsets.UTF_8).split(",")));
            }
        }
        ObjectNode data = slice((ObjectNode) fixture("12603-data.json"), asked);
        data.put("updated", updated);
        respond(x, 200, JSON.writeValueAsBytes(data));
    }

    private void v1(HttpExchange x) throws IOException {
        requests.add(x.getRequestMethod() + " " + x.getRequestURI());
        if (x.getRequestMethod().equals("GET")) {
            respond(x, 200, JSON.writeValueAsBytes(fixture("99999-v1-metadata.json")));
            return;
        }
        byte[] body = x.getRequestBody().readAllBytes();
        postedBodies.add(new String(body, StandardCharsets.UTF_8));
        Map<String, List<String>> asked = new LinkedHashMap<>();
        for (JsonNode q : JSON.readTree(body).path("query")) {
            List<String> values = new ArrayList<>();
            q.path("selection").path("values").forEach(v -> values.add(v.asText()));
            asked.put(q.path("code").asText(), values);
        }
        respond(x, 200, JSON.writeValueAsBytes(slice((ObjectNode) fixture("99999-data.json"), asked)));
    }

    /** The sub-cube of the asked codes, in the fixture's order, row-major like SSB's own answers. */
    private static ObjectNode slice(ObjectNode full, Map<String, List<String>> asked) {
        List<String> ids = new ArrayList<>();
        full.path("id").forEach(i -> ids.add(i.asText()));
        List<List<String>> all = new ArrayList<>();
        List<List<Integer>> keep = new ArrayList<>();
        for (String id : ids) {
            List<String> codes = new ArrayList<>();
            full.path("dimension").path(id).path("category").path("index").fieldNames().forEachRemaining(codes::add);
            all.add(codes);
            List<Integer> kept = new ArrayList<>();
            for (int i = 0; i < codes.size(); i++) {
                if (asked.getOrDefault(id, codes).contains(codes.get(i))) {
                    kept.add(i);
                }
            }
            keep.add(kept);
        }
        ObjectNode out = full.deepCopy();
        ArrayNode size = out.putArray("size");
        ArrayNode values = out.putArray("value");
        ObjectNode status = out.putObject("status");
        for (int d = 0; d < ids.size(); d++) {
            size.add(keep.get(d).size());
            ObjectNode category = (ObjectNode) out.path("dimension").path(ids.get(d)).path("category");
            ObjectNode index = category.putObject("index");
            for (int k = 0; k < keep.get(d).size(); k++) {
                index.put(all.get(d).get(keep.get(d).get(k)), k);
            }
            // Like SSB, labels and units only for the categories answered.
            List<String> answered = new ArrayList<>();
            index.fieldNames().forEachRemaining(answered::add);
            for (String member : List.of("label", "unit")) {
                if (category.path(member) instanceof ObjectNode described) {
                    described.retain(answered);
                }
            }
        }
        int[] pos = new int[ids.size()];
        int cell = 0;
        while (true) {
            int source = 0;
            for (int d = 0; d < ids.size(); d++) {
                source = source * all.get(d).size() + keep.get(d).get(pos[d]);
            }
            values.add(full.path("value").get(source));
            if (full.path("status").has(String.valueOf(source))) {
                status.set(String.valueOf(cell), full.path("status").get(String.valueOf(source)));
            }
            cell++;
            int d = ids.size() - 1;
            while (d >= 0 && ++pos[d] == keep.get(d).size()) {
                pos[d--] = 0;
            }
            if (d < 0) {
                return out;
            }
        }
    }

    private static JsonNode fixture(String name) throws IOException {
        try (InputStream in = StatBankStub.class.getResourceAsStream("/ingest/ssb/" + name)) {
            return JSON.readTree(in);
        }
    }

    private static void respond(HttpExchange x, int status, byte[] body) throws IOException {
        x.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        x.sendResponseHeaders(status, body.length);
        x.getResponseBody().write(body);
        x.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
