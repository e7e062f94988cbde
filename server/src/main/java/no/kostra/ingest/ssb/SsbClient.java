package no.kostra.ingest.ssb;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.kostra.catalog.RegionCodes;
import no.kostra.compute.NorwegianFormat;
import no.kostra.text.NorwegianList;

/**
 * Fetches JSON-stat 2.0 from StatBank. PxWebApi v2 first ({@code {v2}/tables/{id}/metadata} and
 * {@code {v2}/tables/{id}/data?valueCodes[VAR]=…&outputFormat=json-stat2}); when v2 does not know the table (404), the v1
 * form ({@code POST {v1}/table/{id}} with a {@code query} and {@code "response":{"format":"json-stat2"}}).
 * <p>StatBank answers at most 800 000 cells a call and 30 calls a minute, so the requests for one table go out in as
 * few calls as those limits allow ({@link #plan}): their selections are merged where that saves calls, and a
 * selection over the cell limit is split along regions, years or contents codes, whichever needs fewest calls. Calls
 * go through a {@link RateLimiter}, which paces them to the window, and back off on 429 (Retry-After) should one come
 * all the same. A table's metadata is remembered ({@link MetadataMemory}) and asked again only when it no longer fits
 * the table: a year or code asked that it lacks, a query StatBank refuses (400, 404), or a data answer with a newer
 * {@code updated} stamp (the query is then asked again only if the new metadata plans it otherwise). A table never
 * asked is planned from the catalogue's {@link TableShape} where it has one, so a first update makes only the data
 * calls; a query StatBank refuses then has the metadata asked and the calls planned from it. With a cache
 * folder, a v2 answer is kept under the table id and the table's {@code updated} stamp and reused until the table is
 * updated; the metadata is then asked every time, since only it tells whether the table was updated. Not thread-safe.
 */
public final class SsbClient {
    public static final int SSB_CELL_LIMIT = 800_000;
    static final String REGION = "KOKkommuneregion0000";
    /** The region variables of KOSTRA tables and of SSB's other tables (07459). */
    static final List<String> GEO = List.of(REGION, "Region");
    /** What a selection may be split along: each piece then holds whole every sum a series forms. */
    private static final List<String> SPLITTABLE = List.of(REGION, "Region", "Tid", "ContentsCode");
    /** In a fixed selection: the sum of every category of the variable. */
    public static final String ALL = "*";
    private static final int MAX_RETRIES = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI v2;
    private final URI v1;
    private final HttpClient http;
    private final RateLimiter limiter;
    private final int cellLimit;
    private final Path cache;
    private final MetadataMemory memory;
    private int calls;

    /**
     * @param v2     PxWebApi v2 base, e.g. https://data.ssb.no/api/pxwebapi/v2
     * @param v1     v1 base, e.g. https://data.ssb.no/api/v0/no, or null for no fallback
     * @param cache  folder for cached answers, or null
     * @param memory where tables' metadata is remembered between updates
     */
    public SsbClient(URI v2, URI v1, HttpClient http, RateLimiter limiter, int cellLimit, Path cache, MetadataMemory memory) {
        this.v2 = v2;
        this.v1 = v1;
        this.http = http;
        this.limiter = limiter;
        this.cellLimit = cellLimit;
        this.cache = cache;
        this.memory = memory;
    }

    /** HTTP calls made so far (for the report and tests). */
    public int calls() {
        return calls;
    }

    /**
     * A fetched piece: a JSON-stat dataset, where it came from, the cells it selected and which of the requests given
     * to {@link #fetch(List)} it answers (by position): every series of those reads whole from it.
     */
    public record Fetched(String name, byte[] jsonStat, boolean fromCache, long cells, List<Integer> requests) {
        public Fetched {
            requests = List.copyOf(requests);
        }
    }

    /**
     * A table's variables: each one's codes in the table's order, those StatBank lets a query leave out, and those whose
     * codes are only the ones asked ({@link TableShape}): a query leaving such a variable out, to be eliminated, is
     * never merged with one naming codes of it, since the merged query could not ask every code the sum needs.
     */
    record Variables(Map<String, List<String>> codes, Set<String> eliminable, Set<String> asAsked) {
        Variables(Map<String, List<String>> codes, Set<String> eliminable) {
            this(codes, eliminable, Set.of());
        }
    }

    /** One call: the codes it selects of each variable (a variable left out is eliminated) and the requests it answers. */
    record Piece(Map<String, List<String>> selection, List<Integer> requests) {
        long cells() {
            return SsbClient.cells(selection);
        }
    }

    /** What a plan rests on: the table's metadata as {@code updated} then, or the catalogue's {@link TableShape}. */
    private record Metadata(String updated, Variables variables, Basis basis) {
    }

    private enum Basis {
        /** Asked during this fetch. */
        ASKED,
        /** Remembered from an earlier update: the data answer's {@code updated} stamp tells whether it still holds. */
        REMEMBERED,
        /** The catalogue's shape of the table, codes as asked: only a refused query tells that it no longer holds. */
        SHAPE
    }

    public List<Fetched> fetch(SsbRequest request) throws IOException, InterruptedException {
        return fetch(List.of(request));
    }

    /** Fetches what the requests, all of one table, ask for, in as few calls as the limits allow. */
    public List<Fetched> fetch(List<SsbRequest> requests) throws IOException, InterruptedException {
        String table = requests.get(0).tableId();
        if (requests.stream().anyMatch(r -> !r.tableId().equals(table))) {
            throw new IllegalArgumentException("The requests of one fetch must ask one table: " + requests);
        }
        Metadata metadata = cache == null ? recalled(table).or(() -> shaped(table, requests)).orElse(null) : null;
        if (metadata == null) {
            metadata = ask(table);
            if (metadata == null) {
                return fetchV1(table, requests);
            }
        }
        while (true) {
            List<Piece> pieces;
            try {
                pieces = plan(requests, metadata.variables(), cellLimit);
            } catch (IllegalArgumentException e) {
                if (metadata.basis() == Basis.ASKED) {
                    throw e;
                }
                // remembered before the table got the year or code asked, or a code the shape does not list
                metadata = askAgain(table, metadata);
                if (metadata == null) {
                    return fetchV1(table, requests);
                }
                continue;
            }
            List<Fetched> out = new ArrayList<>();
            boolean replan = false;
            for (Piece piece : pieces) {
                String name = "ssb-" + table + "-" + (out.size() + 1) + ".json";
                Optional<Path> cached = cacheFile(table, metadata.updated(), piece.selection());
                if (cached.isPresent() && Files.exists(cached.get())) {
                    out.add(new Fetched(name, Files.readAllBytes(cached.get()), true, piece.cells(), piece.requests()));
                    continue;
                }
                HttpResponse<byte[]> data = send(HttpRequest.newBuilder(dataUri(table, piece.selection())).GET());
                if (metadata.basis() != Basis.ASKED && (data.statusCode() == 400 || data.statusCode() == 404)) {
                    replan = true; // the remembered codes or the shape are no longer the table's
                    break;
                }
                check(data, "data fra tabell " + table);
                if (metadata.basis() == Basis.REMEMBERED && !metadata.updated().equals(updated(data.body()))) {
                    Metadata current = askAgain(table, metadata);
                    replan = !plan(requests, current.variables(), cellLimit).equals(pieces);
                    metadata = current;
                    if (replan) {
                        break;
                    }
                }
                if (cached.isPresent()) {
                    Files.createDirectories(cached.get().getParent());
                    Files.write(cached.get(), data.body());
                }
                out.add(new Fetched(name, data.body(), false, piece.cells(), piece.requests()));
            }
            if (!replan) {
                return out;
            }
            if (metadata.basis() != Basis.ASKED) {
                metadata = askAgain(table, metadata);
                if (metadata == null) {
                    return fetchV1(table, requests);
                }
            }
        }
    }

    private URI dataUri(String table, Map<String, List<String>> selection) {
        StringBuilder query = new StringBuilder("/tables/" + enc(table) + "/data?lang=no&outputFormat=json-stat2");
        selection.forEach((variable, codes) -> query.append("&valueCodes[").append(enc(variable)).append("]=")
                .append(String.join(",", codes.stream().map(SsbClient::enc).toList())));
        return URI.create(v2 + query.toString());
    }

    private Optional<Metadata> recalled(String table) {
        return memory.recall(table).flatMap(text -> {
            try {
                return Optional.of(metadata(JSON.readTree(text), Basis.REMEMBERED));
            } catch (IOException e) {
                return Optional.empty(); // not what was remembered: ask again
            }
        });
    }

    private Optional<Metadata> shaped(String table, List<SsbRequest> requests) {
        return memory.shape(table).flatMap(shape -> shape.variablesFor(requests)).map(v -> new Metadata("", v, Basis.SHAPE));
    }

    /** The table's v2 metadata, asked now and remembered; null when v2 does not know the table and v1 may. */
    private Metadata ask(String table) throws IOException, InterruptedException {
        HttpResponse<byte[]> meta = send(HttpRequest.newBuilder(v2.resolve(v2.getPath() + "/tables/" + enc(table)
                + "/metadata?outputFormat=json-stat2&lang=no")).GET());
        if (meta.statusCode() == 404 && v1 != null) {
            return null;
        }
        Metadata metadata = metadata(JSON.readTree(check(meta, "metadata for tabell " + table).body()), Basis.ASKED);
        memory.remember(table, new String(meta.body(), StandardCharsets.UTF_8));
        return metadata;
    }

    /**
     * The table's metadata asked now, when what the plan rested on no longer holds; null when only v1 knows the table,
     * which a plan from the shape may not have known.
     */
    private Metadata askAgain(String table, Metadata before) throws IOException, InterruptedException {
        Metadata metadata = ask(table);
        if (metadata == null && before.basis() != Basis.SHAPE) {
            throw new IOException("SSB kjenner ikke lenger tabell " + table + " i PxWebApi v2; sjekk tabellnummeret i indicator_sources.csv");
        }
        return metadata;
    }

    /** Variables from a v2 metadata answer (JSON-stat: id + dimension.*.category.index, extension.elimination). */
    private static Metadata metadata(JsonNode metadata, Basis basis) {
        Map<String, List<String>> all = new LinkedHashMap<>();
        Set<String> eliminable = new HashSet<>();
        for (JsonNode id : metadata.path("id")) {
            JsonNode dimension = metadata.path("dimension").path(id.asText());
            JsonNode index = dimension.path("category").path("index");
            List<String> codes = new ArrayList<>();
            if (index.isArray()) {
                index.forEach(c -> codes.add(c.asText()));
            } else {
                List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(index.properties());
                entries.sort(Map.Entry.comparingByValue((a, b) -> Integer.compare(a.asInt(), b.asInt())));
                entries.forEach(e -> codes.add(e.getKey()));
            }
            all.put(id.asText(), codes);
            if (dimension.path("extension").path("elimination").asBoolean(false)) {
                eliminable.add(id.asText());
            }
        }
        return new Metadata(metadata.path("updated").asText(""), new Variables(all, eliminable), basis);
    }

    /** The dataset's {@code updated} stamp, read without building the answer ("" when it has none). */
    private static String updated(byte[] jsonStat) {
        try (JsonParser parser = JSON.getFactory().createParser(jsonStat)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return "";
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if (field.equals("updated")) {
                    return parser.getValueAsString("");
                }
                parser.skipChildren();
            }
            return "";
        } catch (IOException e) {
            return ""; // not JSON: the reader refuses it, naming the piece
        }
    }

    private List<Fetched> fetchV1(String table, List<SsbRequest> requests) throws IOException, InterruptedException {
        URI uri = URI.create(v1 + "/table/" + enc(table));
        JsonNode metadata = JSON.readTree(check(send(HttpRequest.newBuilder(uri).GET()), "metadata (v1) for tabell " + table).body());
        Map<String, List<String>> all = new LinkedHashMap<>();
        Set<String> eliminable = new HashSet<>();
        for (JsonNode variable : metadata.path("variables")) {
            List<String> values = new ArrayList<>();
            variable.path("values").forEach(v -> values.add(v.asText()));
            all.put(variable.path("code").asText(), values);
            if (variable.path("elimination").asBoolean(false)) {
                eliminable.add(variable.path("code").asText());
            }
        }
        List<Fetched> out = new ArrayList<>();
        for (Piece piece : plan(requests, new Variables(all, eliminable), cellLimit)) {
            ObjectNode body = JSON.createObjectNode();
            ArrayNode query = body.putArray("query");
            piece.selection().forEach((variable, codes) -> {
                ObjectNode q = query.addObject();
                q.put("code", variable);
                ObjectNode s = q.putObject("selection");
                s.put("filter", "item");
                codes.forEach(s.putArray("values")::add);
            });
            body.putObject("response").put("format", "json-stat2");
            HttpResponse<byte[]> data = send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))));
            check(data, "data (v1) fra tabell " + table);
            out.add(new Fetched("ssb-" + table + "-v1-" + (out.size() + 1) + ".json", data.body(), false, piece.cells(), piece.requests()));
        }
        return out;
    }

    /**
     * The calls that answer the requests: first each request's selection ({@link #choose}); then, as long as it saves
     * calls (or costs none and no more cells), the two selections whose merging saves most are merged, each variable
     * getting the codes of both (every code where one of them leaves it out to be eliminated: the other needs its
     * categories, and {@code *} is their sum; never merged so where those codes are not known,
     * {@link Variables#asAsked()}); last, each selection over the limit is split ({@link #split}).
     */
    static List<Piece> plan(List<SsbRequest> requests, Variables table, int limit) {
        List<Piece> groups = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            groups.add(new Piece(choose(requests.get(i), table), List.of(i)));
        }
        while (groups.size() > 1) {
            Piece best = null;
            int bestA = -1;
            int bestB = -1;
            long bestSaving = 0;
            long bestExtraCells = 0;
            for (int a = 0; a < groups.size(); a++) {
                for (int b = a + 1; b < groups.size(); b++) {
                    Piece merged = merge(groups.get(a), groups.get(b), table);
                    if (merged == null) {
                        continue;
                    }
                    long saving = calls(groups.get(a), limit) + calls(groups.get(b), limit) - calls(merged, limit);
                    long extraCells = merged.cells() - groups.get(a).cells() - groups.get(b).cells();
                    if (saving < 0 || (saving == 0 && extraCells > 0)) {
                        continue;
                    }
                    if (best == null || saving > bestSaving || (saving == bestSaving && extraCells < bestExtraCells)) {
                        best = merged;
                        bestA = a;
                        bestB = b;
                        bestSaving = saving;
                        bestExtraCells = extraCells;
                    }
                }
            }
            if (best == null) {
                break;
            }
            groups.remove(bestB);
            groups.set(bestA, best);
        }
        List<Piece> out = new ArrayList<>();
        for (Piece group : groups) {
            split(group.selection(), limit).forEach(selection -> out.add(new Piece(selection, group.requests())));
        }
        return out;
    }

    private static long calls(Piece piece, int limit) {
        try {
            return pieces(piece.selection(), limit);
        } catch (IllegalArgumentException e) {
            return Integer.MAX_VALUE; // cannot be asked at all: never merge into it
        }
    }

    /** The two calls' selections merged into one, or null when they cannot be ({@link Variables#asAsked()}). */
    private static Piece merge(Piece a, Piece b, Variables table) {
        Map<String, List<String>> merged = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> entry : table.codes().entrySet()) {
            String variable = entry.getKey();
            List<String> inA = a.selection().get(variable);
            List<String> inB = b.selection().get(variable);
            if (inA == null && inB == null) {
                continue;
            }
            if (inA == null || inB == null) {
                if (table.asAsked().contains(variable)) {
                    return null;
                }
                merged.put(variable, entry.getValue());
            } else if (inA.equals(inB)) {
                // Usually so for the regions and years (hundreds of codes), which a union would hash every time.
                merged.put(variable, inA);
            } else {
                Set<String> either = new HashSet<>(inA);
                either.addAll(inB);
                merged.put(variable, entry.getValue().stream().filter(either::contains).toList());
            }
        }
        List<Integer> requests = new ArrayList<>(a.requests());
        requests.addAll(b.requests());
        return new Piece(merged, requests);
    }

    static long cells(Map<String, List<String>> selection) {
        return selection.values().stream().mapToLong(List::size).reduce(1, Math::multiplyExact);
    }

    /**
     * The codes asked of each variable. {@link #ALL} asks for every code, or, where the table lets the variable be
     * eliminated, leaves it out of the query: StatBank then answers the total over it (07459's inhabitants of both sexes
     * and all ages, without 212 cells per region and year).
     */
    private static Map<String, List<String>> choose(SsbRequest request, Variables table) {
        Map<String, List<String>> chosen = new LinkedHashMap<>();
        table.codes().forEach((variable, codes) -> {
            List<String> wanted = switch (variable) {
                case "ContentsCode" -> request.contents();
                case "Tid" -> request.years();
                default -> request.fixed().getOrDefault(variable, variable.equals(REGION) || codes.size() == 1 ? codes : null);
            };
            if (List.of(ALL).equals(wanted) && table.eliminable().contains(variable)) {
                return;
            }
            if (List.of(ALL).equals(wanted)) {
                wanted = codes;
            } else if (wanted != null && GEO.contains(variable) && request.fixed().containsKey(variable)) {
                // A table need not have every region asked for (07459 has no KOSTRA groups): it answers for those it has,
                // under the number or, where it names municipalities as agg_KommSummer does, under K-number.
                Set<String> known = new HashSet<>(codes);
                wanted = wanted.stream().map(code -> known.contains(code) ? code
                        : known.contains(RegionCodes.aggregated(code)) ? RegionCodes.aggregated(code) : null)
                        .filter(java.util.Objects::nonNull).toList();
                if (wanted.isEmpty()) {
                    throw new IllegalArgumentException("Tabell " + request.tableId() + " har ingen av regionene "
                            + request.fixed().get(variable));
                }
            }
            if (wanted == null) {
                throw new IllegalArgumentException("Tabell " + request.tableId() + " har variabelen " + variable + " med "
                        + codes.size() + " verdier; velg én med filter." + variable + "=<kode> i mappingen");
            }
            Set<String> known = new HashSet<>(codes);
            List<String> unknown = wanted.stream().filter(c -> !known.contains(c)).toList();
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("Tabell " + request.tableId() + " har ikke " + variable + " "
                        + NorwegianList.and(unknown));
            }
            chosen.put(variable, wanted);
        });
        return chosen;
    }

    /**
     * Splits a selection into pieces of at most {@code limit} cells along the region variable, the years and the
     * contents codes: each piece takes a run of codes of each (spread evenly), sized so that the pieces are as few as
     * possible (7 regions × 2 years at 7 cells a call: one year a piece, 2 calls, not 3 of at most 3 regions).
     */
    static List<Map<String, List<String>>> split(Map<String, List<String>> selection, int limit) {
        if (cells(selection) <= limit) {
            return List.of(selection);
        }
        Map<String, Integer> chunks = chunks(selection, limit);
        List<Map<String, List<String>>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>(selection));
        for (Map.Entry<String, Integer> chunk : chunks.entrySet()) {
            List<String> codes = selection.get(chunk.getKey());
            List<Map<String, List<String>>> next = new ArrayList<>();
            for (Map<String, List<String>> piece : out) {
                for (int i = 0; i < codes.size(); i += chunk.getValue()) {
                    Map<String, List<String>> part = new LinkedHashMap<>(piece);
                    part.put(chunk.getKey(), List.copyOf(codes.subList(i, Math.min(codes.size(), i + chunk.getValue()))));
                    next.add(part);
                }
            }
            out = next;
        }
        return out;
    }

    /** How many calls {@link #split} makes of a selection. */
    private static long pieces(Map<String, List<String>> selection, int limit) {
        if (cells(selection) <= limit) {
            return 1;
        }
        long pieces = 1;
        for (Map.Entry<String, Integer> chunk : chunks(selection, limit).entrySet()) {
            pieces *= ceilDiv(selection.get(chunk.getKey()).size(), chunk.getValue());
        }
        return pieces;
    }

    /**
     * How many codes a piece takes of each variable it is split along: of every combination of run lengths of the
     * others, the variable with most codes taking as many as then fit, the one giving fewest pieces (the first of
     * equals, longest runs tried first); each length then evened out over its pieces.
     */
    private static Map<String, Integer> chunks(Map<String, List<String>> selection, int limit) {
        List<String> along = SPLITTABLE.stream().filter(v -> selection.getOrDefault(v, List.of()).size() > 1).toList();
        long cells = cells(selection);
        long others = cells / along.stream().mapToLong(v -> selection.get(v).size()).reduce(1, Math::multiplyExact);
        if (along.isEmpty() || others > limit) {
            throw new IllegalArgumentException("Spørringen ber om " + NorwegianFormat.number(cells, 0) + " celler, og selv én"
                    + " region, ett år og én statistikkvariabel av gangen gir " + NorwegianFormat.number(others, 0)
                    + ", over grensen på " + NorwegianFormat.number(limit, 0) + " celler per kall; velg færre kategorier i filters");
        }
        String largest = along.get(0);
        for (String v : along) {
            largest = selection.get(v).size() > selection.get(largest).size() ? v : largest;
        }
        List<String> rest = new ArrayList<>(along);
        rest.remove(largest);
        int[] lengths = new int[rest.size()];
        int[] best = new int[rest.size() + 1];
        long[] fewest = {Long.MAX_VALUE};
        search(selection, limit, others, largest, rest, 0, lengths, best, fewest);
        Map<String, Integer> chunks = new LinkedHashMap<>();
        for (int i = 0; i <= rest.size(); i++) {
            String variable = i < rest.size() ? rest.get(i) : largest;
            int n = selection.get(variable).size();
            chunks.put(variable, (int) ceilDiv(n, ceilDiv(n, best[i])));
        }
        return chunks;
    }

    private static void search(Map<String, List<String>> selection, int limit, long others, String largest, List<String> rest,
                               int at, int[] lengths, int[] best, long[] fewest) {
        if (at == rest.size()) {
            long perPiece = others;
            long pieces = 1;
            for (int i = 0; i < rest.size(); i++) {
                perPiece *= lengths[i];
                pieces *= ceilDiv(selection.get(rest.get(i)).size(), lengths[i]);
            }
            if (perPiece > limit) {
                return;
            }
            int n = selection.get(largest).size();
            int length = (int) Math.min(n, limit / perPiece);
            pieces *= ceilDiv(n, length);
            if (pieces < fewest[0]) {
                fewest[0] = pieces;
                System.arraycopy(lengths, 0, best, 0, lengths.length);
                best[rest.size()] = length;
            }
            return;
        }
        int n = selection.get(rest.get(at)).size();
        // Only lengths that give another number of pieces: n, ⌈n/2⌉, ⌈n/3⌉ … (at most about 2√n of them).
        for (int pieces = 1, previous = -1; pieces <= n; pieces++) {
            int length = (int) ceilDiv(n, pieces);
            if (length != previous) {
                lengths[at] = length;
                search(selection, limit, others, largest, rest, at + 1, lengths, best, fewest);
                previous = length;
            }
        }
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
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

    /** The answer if it is one, else what StatBank said (a short answer is quoted: "Too many cells selected"). */
    private static HttpResponse<byte[]> check(HttpResponse<byte[]> response, String what) throws IOException {
        if (response.statusCode() != 200) {
            String said = response.body() == null || response.body().length > 500 ? ""
                    : ": " + new String(response.body(), StandardCharsets.UTF_8).strip();
            throw new IOException("SSB svarte " + response.statusCode() + " på " + what + " (" + response.uri().getPath() + ")" + said);
        }
        return response;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
