package no.kostra.ingest.ssb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.kostra.text.NorwegianList;

/**
 * Fetches JSON-stat 2.0 from StatBank. PxWebApi v2 first ({@code {v2}/tables/{id}/metadata} and
 * {@code {v2}/tables/{id}/data?valueCodes[VAR]=…&outputFormat=json-stat2}); when v2 does not know the table (404), the v1
 * form ({@code POST {v1}/table/{id}} with a {@code query} and {@code "response":{"format":"json-stat2"}}).
 * Requests whose cells would exceed the cell limit (SSB: 800 000) are split along the region variable, then years.
 * Calls go through a {@link RateLimiter} (SSB: 30 per 60 s) and back off on 429. With a cache folder, a v2 answer is
 * kept under the table id and the table's {@code updated} stamp and reused until the table is updated.
 * Not thread-safe.
 */
public final class SsbClient {
    public static final int SSB_CELL_LIMIT = 800_000;
    static final String REGION = "KOKkommuneregion0000";
    /** The region variables of KOSTRA tables and of SSB's other tables (07459). */
    static final List<String> GEO = List.of(REGION, "Region");
    /** In a fixed selection: every category of the variable. */
    public static final String ALL = "*";
    private static final int MAX_RETRIES = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI v2;
    private final URI v1;
    private final HttpClient http;
    private final RateLimiter limiter;
    private final int cellLimit;
    private final Path cache;
    private int calls;
    /** A table's metadata, asked once per client: an update asks one table several times within seconds. */
    private final Map<String, JsonNode> metadataSeen = new java.util.HashMap<>();

    /**
     * @param v2    PxWebApi v2 base, e.g. https://data.ssb.no/api/pxwebapi/v2
     * @param v1    v1 base, e.g. https://data.ssb.no/api/v0/no, or null for no fallback
     * @param cache folder for cached answers, or null
     */
    public SsbClient(URI v2, URI v1, HttpClient http, RateLimiter limiter, int cellLimit, Path cache) {
        this.v2 = v2;
        this.v1 = v1;
        this.http = http;
        this.limiter = limiter;
        this.cellLimit = cellLimit;
        this.cache = cache;
    }

    /** HTTP calls made so far (for the report and tests). */
    public int calls() {
        return calls;
    }

    /** A fetched piece: a JSON-stat dataset and where it came from. */
    public record Fetched(String name, byte[] jsonStat, boolean fromCache) {
    }

    public List<Fetched> fetch(SsbRequest request) throws IOException, InterruptedException {
        JsonNode metadata = metadataSeen.get(request.tableId());
        if (metadata == null) {
            HttpResponse<byte[]> meta = send(HttpRequest.newBuilder(v2.resolve(v2.getPath() + "/tables/" + enc(request.tableId())
                    + "/metadata?outputFormat=json-stat2&lang=no")).GET());
            if (meta.statusCode() == 404 && v1 != null) {
                return fetchV1(request);
            }
            metadata = ok(meta, "metadata for tabell " + request.tableId());
            metadataSeen.put(request.tableId(), metadata);
        }
        String updated = metadata.path("updated").asText("");
        Map<String, List<String>> selection = selection(request, metadata);
        List<Fetched> out = new ArrayList<>();
        int part = 0;
        for (Map<String, List<String>> piece : split(selection, cellLimit)) {
            String name = "ssb-" + request.tableId() + "-" + (++part) + ".json";
            Optional<Path> cached = cacheFile(request.tableId(), updated, piece);
            if (cached.isPresent() && Files.exists(cached.get())) {
                out.add(new Fetched(name, Files.readAllBytes(cached.get()), true));
                continue;
            }
            StringBuilder query = new StringBuilder("/tables/" + enc(request.tableId()) + "/data?lang=no&outputFormat=json-stat2");
            piece.forEach((variable, codes) -> query.append("&valueCodes[").append(enc(variable)).append("]=")
                    .append(String.join(",", codes.stream().map(SsbClient::enc).toList())));
            HttpResponse<byte[]> data = send(HttpRequest.newBuilder(URI.create(v2 + query.toString())).GET());
            ok(data, "data fra tabell " + request.tableId());
            if (cached.isPresent()) {
                Files.createDirectories(cached.get().getParent());
                Files.write(cached.get(), data.body());
            }
            out.add(new Fetched(name, data.body(), false));
        }
        return out;
    }

    private List<Fetched> fetchV1(SsbRequest request) throws IOException, InterruptedException {
        URI table = URI.create(v1 + "/table/" + enc(request.tableId()));
        JsonNode metadata = ok(send(HttpRequest.newBuilder(table).GET()), "metadata (v1) for tabell " + request.tableId());
        Map<String, List<String>> all = new LinkedHashMap<>();
        java.util.Set<String> eliminable = new java.util.HashSet<>();
        for (JsonNode variable : metadata.path("variables")) {
            List<String> values = new ArrayList<>();
            variable.path("values").forEach(v -> values.add(v.asText()));
            all.put(variable.path("code").asText(), values);
            if (variable.path("elimination").asBoolean(false)) {
                eliminable.add(variable.path("code").asText());
            }
        }
        Map<String, List<String>> selection = choose(request, all, eliminable);
        List<Fetched> out = new ArrayList<>();
        int part = 0;
        for (Map<String, List<String>> piece : split(selection, cellLimit)) {
            ObjectNode body = JSON.createObjectNode();
            ArrayNode query = body.putArray("query");
            piece.forEach((variable, codes) -> {
                ObjectNode q = query.addObject();
                q.put("code", variable);
                ObjectNode s = q.putObject("selection");
                s.put("filter", "item");
                codes.forEach(s.putArray("values")::add);
            });
            body.putObject("response").put("format", "json-stat2");
            HttpResponse<byte[]> data = send(HttpRequest.newBuilder(table).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))));
            ok(data, "data (v1) fra tabell " + request.tableId());
            out.add(new Fetched("ssb-" + request.tableId() + "-v1-" + (++part) + ".json", data.body(), false));
        }
        return out;
    }

    /** variable → codes asked for, from the table's metadata (JSON-stat: id + dimension.*.category.index). */
    private static Map<String, List<String>> selection(SsbRequest request, JsonNode metadata) {
        Map<String, List<String>> all = new LinkedHashMap<>();
        for (JsonNode id : metadata.path("id")) {
            JsonNode index = metadata.path("dimension").path(id.asText()).path("category").path("index");
            List<String> codes = new ArrayList<>();
            if (index.isArray()) {
                index.forEach(c -> codes.add(c.asText()));
            } else {
                List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(index.properties());
                entries.sort(Map.Entry.comparingByValue((a, b) -> Integer.compare(a.asInt(), b.asInt())));
                entries.forEach(e -> codes.add(e.getKey()));
            }
            all.put(id.asText(), codes);
        }
        java.util.Set<String> eliminable = new java.util.HashSet<>();
        all.keySet().forEach(id -> {
            if (metadata.path("dimension").path(id).path("extension").path("elimination").asBoolean(false)) {
                eliminable.add(id);
            }
        });
        return choose(request, all, eliminable);
    }

    /**
     * The codes asked of each variable. {@link #ALL} asks for every code, or, where the table lets the variable be
     * eliminated, leaves it out of the query: StatBank then answers the total over it (07459's inhabitants of both sexes
     * and all ages, without 212 cells per region and year).
     */
    private static Map<String, List<String>> choose(SsbRequest request, Map<String, List<String>> all, java.util.Set<String> eliminable) {
        Map<String, List<String>> chosen = new LinkedHashMap<>();
        all.forEach((variable, codes) -> {
            List<String> wanted = switch (variable) {
                case "ContentsCode" -> request.contents();
                case "Tid" -> request.years();
                default -> request.fixed().getOrDefault(variable, variable.equals(REGION) || codes.size() == 1 ? codes : null);
            };
            if (List.of(ALL).equals(wanted) && eliminable.contains(variable)) {
                return;
            }
            if (List.of(ALL).equals(wanted)) {
                wanted = codes;
            } else if (wanted != null && GEO.contains(variable) && request.fixed().containsKey(variable)) {
                // A table need not have every region asked for (07459 has no KOSTRA groups): it answers for those it has.
                wanted = wanted.stream().filter(codes::contains).toList();
                if (wanted.isEmpty()) {
                    throw new IllegalArgumentException("Tabell " + request.tableId() + " har ingen av regionene "
                            + request.fixed().get(variable));
                }
            }
            if (wanted == null) {
                throw new IllegalArgumentException("Tabell " + request.tableId() + " har variabelen " + variable + " med "
                        + codes.size() + " verdier; velg én med filter." + variable + "=<kode> i mappingen");
            }
            List<String> unknown = wanted.stream().filter(c -> !codes.contains(c)).toList();
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("Tabell " + request.tableId() + " har ikke " + variable + " "
                        + NorwegianList.and(unknown));
            }
            chosen.put(variable, wanted);
        });
        return chosen;
    }

    /** Splits a selection into pieces of at most {@code limit} cells: regions first, then years, then contents. */
    static List<Map<String, List<String>>> split(Map<String, List<String>> selection, int limit) {
        long cells = selection.values().stream().mapToLong(List::size).reduce(1, (a, b) -> a * b);
        if (cells <= limit) {
            return List.of(selection);
        }
        String along = List.of(REGION, "Tid", "ContentsCode").stream()
                .filter(v -> selection.getOrDefault(v, List.of()).size() > 1).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Spørringen ber om " + cells + " celler og kan ikke deles under " + limit));
        List<String> codes = selection.get(along);
        long others = cells / codes.size();
        int perPiece = (int) Math.max(1, limit / others);
        List<Map<String, List<String>>> out = new ArrayList<>();
        for (int i = 0; i < codes.size(); i += perPiece) {
            Map<String, List<String>> piece = new LinkedHashMap<>(selection);
            piece.put(along, codes.subList(i, Math.min(codes.size(), i + perPiece)));
            out.addAll(split(piece, limit));
        }
        return out;
    }

    private Optional<Path> cacheFile(String table, String updated, Map<String, List<String>> piece) {
        if (cache == null || updated.isBlank()) {
            return Optional.empty();
        }
        String key = no.kostra.ingest.Importer.sha256(piece.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 16);
        return Optional.of(cache.resolve(table.replaceAll("[^A-Za-z0-9]", "_"))
                .resolve(updated.replaceAll("[^0-9A-Za-z]", "") + "-" + key + ".json"));
    }

    /** Sends within the rate limit; on 429 waits (Retry-After, else 2^n seconds) and tries again. */
    private HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpRequest built = request.timeout(Duration.ofSeconds(60)).header("Accept", "application/json").build();
        for (int attempt = 0; ; attempt++) {
            limiter.acquire();
            calls++;
            HttpResponse<byte[]> response = http.send(built, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 429 || attempt == MAX_RETRIES) {
                return response;
            }
            long seconds = response.headers().firstValue("Retry-After").map(SsbClient::seconds).orElse(1L << attempt);
            limiter.pause(Duration.ofSeconds(seconds));
        }
    }

    private static long seconds(String retryAfter) {
        try {
            return Math.max(1, Long.parseLong(retryAfter.trim()));
        } catch (NumberFormatException e) {
            return 5;
        }
    }

    private static JsonNode ok(HttpResponse<byte[]> response, String what) throws IOException {
        if (response.statusCode() != 200) {
            throw new IOException("SSB svarte " + response.statusCode() + " på " + what + " (" + response.uri() + ")");
        }
        return JSON.readTree(response.body());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
