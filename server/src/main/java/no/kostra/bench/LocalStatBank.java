package no.kostra.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A StatBank on the loopback interface, answering PxWebApi v2 as SSB does: {@code GET …/tables/{id}/metadata} (the
 * dataset without values) and {@code GET …/tables/{id}/data?valueCodes[VAR]=…} (the sub-cube of the codes asked for,
 * row-major, statuses renumbered). The full datasets come from a function (recorded fixtures in tests, generated ones
 * in {@code bench update}); answers are kept by query, so a repeated query costs only the sending. Unknown tables
 * answer 404; a query leaving out a variable the table cannot eliminate, or naming a variable or code it lacks, 400 with
 * StatBank's own title. It enforces SSB's limits when given them ({@link Limits}): a data query over the cell limit answers
 * 400 "Too many cells selected", and a call beyond the calls allowed in the window 429 with Retry-After (the seconds
 * until the oldest call counted leaves the window); it counts every call ({@link #counts()}). For tests, a table's
 * data answer can be replaced by given bytes.
 */
public final class LocalStatBank implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Limits limits;
    /** When each call answered within the window arrived (System.nanoTime), oldest first; refused calls are not counted. */
    private final java.util.Deque<Long> arrivals = new java.util.ArrayDeque<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger metadataAnswers = new AtomicInteger();
    private final AtomicInteger dataAnswers = new AtomicInteger();
    private final AtomicInteger tooManyCells = new AtomicInteger();
    private final AtomicInteger tooManyRequests = new AtomicInteger();
    private final HttpServer server;
    private final Function<String, Optional<ObjectNode>> datasets;
    private final Map<String, ObjectNode> full = new ConcurrentHashMap<>();
    private final Map<String, byte[]> answers = new ConcurrentHashMap<>();
    private final Map<String, byte[]> replaced = new ConcurrentHashMap<>();
    private final Map<String, java.util.concurrent.CountDownLatch> held = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    /**
     * StatBank's limits: at most {@code calls} calls in any {@code window} (SSB: 30 per 60 s; a test or benchmark may
     * scale the window down) and at most {@code cells} cells a data query (SSB: 800 000).
     */
    public record Limits(int calls, java.time.Duration window, long cells) {
        /** No limit: for tests of other things. */
        public static final Limits NONE = new Limits(Integer.MAX_VALUE, java.time.Duration.ofSeconds(60), Long.MAX_VALUE);

        public Limits {
            if (calls < 1 || cells < 1 || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("A StatBank's limits need at least one call and one cell, in a window longer than zero");
            }
        }

        /** SSB's 30 calls and 800 000 cells, in the given window (60 s at SSB). */
        public static Limits ssb(java.time.Duration window) {
            return new Limits(30, window, 800_000);
        }
    }

    /**
     * The calls so far: every one that arrived, those answered with metadata and with data, and those refused for
     * asking too many cells (400) or coming too soon (429).
     */
    public record Counts(int calls, int metadata, int data, int tooManyCells, int tooManyRequests) {
    }

    public LocalStatBank(Function<String, Optional<ObjectNode>> datasets) throws IOException {
        this(datasets, 0, Limits.NONE);
    }

    /**
     * @param port   the loopback port to answer on, 0 for any free one
     * @param limits the limits enforced
     */
    public LocalStatBank(Function<String, Optional<ObjectNode>> datasets, int port, Limits limits) throws IOException {
        this.datasets = datasets;
        this.limits = limits;
        // Without it the JDK server waits for delayed ACKs (about 40 ms a call on loopback).
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/api/pxwebapi/v2/tables/", this::answer);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(2));
        server.start();
    }

    /**
     * A local StatBank with made-up answers (labelled SYNTETISK) of every table the catalogue's sources name, for the
     * given years, in the shapes those sources ask for: what {@code demo-statbank} serves.
     */
    public static LocalStatBank synthetic(no.kostra.catalog.Catalog catalog, List<no.kostra.catalog.IndicatorSource> sources,
                                          List<Integer> years, int port, Limits limits) throws IOException {
        return new LocalStatBank(SyntheticStatBank.of(catalog, sources, years)::dataset, port, limits);
    }

    /** The PxWebApi v2 base to give the client (--ssb-url). */
    public URI v2() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/pxwebapi/v2");
    }

    /** Every request so far, as "GET path?query". */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    public Counts counts() {
        return new Counts(calls.get(), metadataAnswers.get(), dataAnswers.get(), tooManyCells.get(), tooManyRequests.get());
    }

    /**
     * Builds the full datasets of the tables now, as a StatBank has its tables stored before anyone asks: a benchmark
     * then times the answers, not this stand-in generating its made-up data on the first call.
     */
    public void load(java.util.Collection<String> tables) {
        tables.forEach(table -> datasets.apply(table).ifPresent(dataset -> full.putIfAbsent(table, dataset)));
    }

    /** From now on, every data query to {@code table} is answered with these bytes. */
    public void replaceData(String table, byte[] body) {
        replaced.put(table, body);
    }

    /** Data queries to {@code table} wait until {@code release} opens (at most a minute): lets a test see an update mid-way. */
    public void holdData(String table, java.util.concurrent.CountDownLatch release) {
        held.put(table, release);
    }

    private void answer(HttpExchange x) throws IOException {
        try (x) {
            requests.add(x.getRequestMethod() + " " + x.getRequestURI());
            calls.incrementAndGet();
            long wait = admit();
            if (wait > 0) {
                tooManyRequests.incrementAndGet();
                x.getResponseHeaders().add("Retry-After", String.valueOf((wait + 999_999_999L) / 1_000_000_000L));
                respond(x, 429, "{\"error\":\"Too Many Requests\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String path = x.getRequestURI().getPath();
            String[] parts = path.substring(path.indexOf("/tables/") + 8).split("/");
            String table = parts[0];
            Optional<ObjectNode> dataset = Optional.ofNullable(full.get(table)).or(() -> datasets.apply(table));
            if (dataset.isEmpty() || parts.length < 2) {
                respond(x, 404, "{\"error\":\"table not found\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            full.putIfAbsent(table, dataset.get());
            if (parts[1].equals("metadata")) {
                byte[] meta = answers.computeIfAbsent(table + "/metadata", k -> {
                    ObjectNode m = dataset.get().deepCopy();
                    m.remove("value");
                    m.remove("status");
                    return bytes(m);
                });
                metadataAnswers.incrementAndGet();
                respond(x, 200, meta);
                return;
            }
            String query = x.getRequestURI().getRawQuery();
            Map<String, List<String>> asked = asked(query);
            Optional<String> refused = refused(dataset.get(), asked);
            if (refused.isPresent()) {
                respond(x, 400, bytes(JSON.createObjectNode().put("title", refused.get())));
                return;
            }
            if (cells(dataset.get(), asked) > limits.cells()) {
                tooManyCells.incrementAndGet();
                respond(x, 400, "{\"error\":\"Too many cells selected\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            dataAnswers.incrementAndGet();
            java.util.concurrent.CountDownLatch hold = held.get(table);
            if (hold != null) {
                try {
                    hold.await(60, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (replaced.containsKey(table)) {
                respond(x, 200, replaced.get(table));
                return;
            }
            respond(x, 200, answers.computeIfAbsent(table + "?" + query, k -> bytes(slice(dataset.get(), asked))));
        }
    }

    /** Counts a call that arrived now, or answers how many nanoseconds until one more fits in the window. */
    private synchronized long admit() {
        long now = System.nanoTime();
        long window = limits.window().toNanos();
        while (!arrivals.isEmpty() && now - arrivals.peekFirst() >= window) {
            arrivals.removeFirst();
        }
        if (arrivals.size() >= limits.calls()) {
            return arrivals.peekFirst() + window - now;
        }
        arrivals.addLast(now);
        return 0;
    }

    /**
     * Why StatBank would refuse the query, in its own words: a variable the table cannot eliminate left out, a variable
     * it does not have, or a code it lacks.
     */
    private static Optional<String> refused(ObjectNode dataset, Map<String, List<String>> asked) {
        for (JsonNode id : dataset.path("id")) {
            JsonNode dimension = dataset.path("dimension").path(id.asText());
            if (!asked.containsKey(id.asText()) && !dimension.path("extension").path("elimination").asBoolean(false)) {
                return Optional.of("Missing selection for mandantory variable");
            }
        }
        for (Map.Entry<String, List<String>> variable : asked.entrySet()) {
            JsonNode index = dataset.path("dimension").path(variable.getKey()).path("category").path("index");
            if (index.isMissingNode()) {
                return Optional.of("Non-existent variable");
            }
            if (variable.getValue().stream().anyMatch(code -> !index.has(code))) {
                return Optional.of("Non-existent value");
            }
        }
        return Optional.empty();
    }

    /** The cells a query selects: the codes asked of each variable, 1 for one left out to be eliminated, else all. */
    private static long cells(ObjectNode dataset, Map<String, List<String>> asked) {
        long cells = 1;
        for (JsonNode id : dataset.path("id")) {
            JsonNode dimension = dataset.path("dimension").path(id.asText());
            List<String> codes = asked.get(id.asText());
            cells *= codes != null ? codes.size()
                    : dimension.path("extension").path("elimination").asBoolean(false) ? 1 : dimension.path("category").path("index").size();
        }
        return cells;
    }

    private static Map<String, List<String>> asked(String rawQuery) {
        Map<String, List<String>> asked = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            String[] kv = pair.split("=", 2);
            String key = URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
            if (key.startsWith("valueCodes[") && kv.length == 2) {
                List<String> codes = new ArrayList<>();
                for (String code : kv[1].split(",")) {
                    codes.add(URLDecoder.decode(code, StandardCharsets.UTF_8));
                }
                asked.put(key.substring(11, key.length() - 1), codes);
            }
        }
        return asked;
    }

    /**
     * The sub-cube of the asked codes, in the dataset's order, row-major like SSB's own answers. A variable the query
     * leaves out that the table lets be eliminated ({@code extension.elimination}) is summed over and dropped from the
     * answer, as StatBank does; a sum with a status in it carries that status.
     */
    static ObjectNode slice(ObjectNode dataset, Map<String, List<String>> asked) {
        List<String> ids = new ArrayList<>();
        dataset.path("id").forEach(i -> ids.add(i.asText()));
        int dims = ids.size();
        int[] fullSize = new int[dims];
        int[][] keep = new int[dims][];
        boolean[] eliminated = new boolean[dims];
        ObjectNode out = dataset.deepCopy();
        ArrayNode id = out.putArray("id");
        ArrayNode size = out.putArray("size");
        int[] outStride = new int[dims];
        for (int d = 0; d < dims; d++) {
            List<String> codes = new ArrayList<>();
            JsonNode dimension = dataset.path("dimension").path(ids.get(d));
            JsonNode index = dimension.path("category").path("index");
            index.fieldNames().forEachRemaining(codes::add);
            codes.sort((a, b) -> Integer.compare(index.path(a).asInt(), index.path(b).asInt()));
            fullSize[d] = codes.size();
            eliminated[d] = !asked.containsKey(ids.get(d)) && dimension.path("extension").path("elimination").asBoolean(false);
            List<String> wanted = asked.getOrDefault(ids.get(d), codes);
            keep[d] = java.util.stream.IntStream.range(0, codes.size()).filter(i -> wanted.contains(codes.get(i))).toArray();
            if (eliminated[d]) {
                ((ObjectNode) out.path("dimension")).remove(ids.get(d));
                continue;
            }
            id.add(ids.get(d));
            size.add(keep[d].length);
            ObjectNode category = (ObjectNode) out.path("dimension").path(ids.get(d)).path("category");
            ObjectNode newIndex = category.putObject("index");
            List<String> answered = new ArrayList<>();
            for (int k = 0; k < keep[d].length; k++) {
                newIndex.put(codes.get(keep[d][k]), k);
                answered.add(codes.get(keep[d][k]));
            }
            // Like StatBank, labels and units only for the categories answered.
            for (String member : List.of("label", "unit")) {
                if (category.path(member) instanceof ObjectNode described) {
                    described.retain(answered);
                }
            }
        }
        int cells = 1;
        for (int d = dims - 1; d >= 0; d--) {
            if (!eliminated[d]) {
                outStride[d] = cells;
                cells *= keep[d].length;
            }
        }
        double[] sums = new double[cells];
        String[] statuses = new String[cells];
        boolean[] anyNull = new boolean[cells];
        JsonNode values = dataset.path("value");
        JsonNode sourceStatus = dataset.path("status");
        ArrayNode value = out.putArray("value");
        ObjectNode status = out.putObject("status");
        for (int[] k : keep) {
            if (k.length == 0) {
                return out;
            }
        }
        int[] pos = new int[dims];
        while (true) {
            int source = 0;
            int cell = 0;
            for (int d = 0; d < dims; d++) {
                source = source * fullSize[d] + keep[d][pos[d]];
                cell += eliminated[d] ? 0 : pos[d] * outStride[d];
            }
            JsonNode v = values.get(source);
            JsonNode symbol = sourceStatus.get(String.valueOf(source));
            if (symbol != null && statuses[cell] == null) {
                statuses[cell] = symbol.asText();
            }
            if (v == null || v.isNull()) {
                anyNull[cell] = true;
            } else {
                sums[cell] += v.asDouble();
            }
            int d = dims - 1;
            while (d >= 0 && ++pos[d] == keep[d].length) {
                pos[d--] = 0;
            }
            if (d < 0) {
                break;
            }
        }
        for (int cell = 0; cell < cells; cell++) {
            if (anyNull[cell]) {
                value.addNull();
            } else {
                value.add(sums[cell]);
            }
            if (statuses[cell] != null) {
                status.put(String.valueOf(cell), statuses[cell]);
            }
        }
        return out;
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void respond(HttpExchange x, int status, byte[] body) throws IOException {
        x.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        x.sendResponseHeaders(status, body.length);
        x.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
