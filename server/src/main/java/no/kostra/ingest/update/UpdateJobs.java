package no.kostra.ingest.update;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import no.kostra.errors.ConflictException;
import no.kostra.errors.InvalidInputException;
import no.kostra.errors.NotFoundException;
import no.kostra.ingest.ssb.SsbClient;
import no.kostra.store.WriteActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Updates started over the API: each runs on one background thread, one after the other (an update holds the
 * write queue while it imports, and StatBank's rate limit is per client), and can be followed by its id: status,
 * progress per table, then the summary or the bokmål reason it stopped. The last {@value #KEPT} are kept in memory.
 * Thread-safe.
 */
public final class UpdateJobs implements AutoCloseable {
    static final int KEPT = 100;
    private static final Logger LOG = LoggerFactory.getLogger(UpdateJobs.class);

    private final Updater updater;
    private final Supplier<SsbClient> clients;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kostra-update");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final List<String> order = new ArrayList<>();

    public UpdateJobs(Updater updater, Supplier<SsbClient> clients) {
        this.updater = updater;
        this.clients = clients;
    }

    public enum Status {
        QUEUED, RUNNING, DONE, FAILED;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A table's progress: 0 asked, 50 fetched, 100 read. */
    public record TableProgress(String table, int percent) {
    }

    /** What {@code GET /api/updates/{id}} answers. */
    public record View(String id, int year, String vintage, String status, int percent, List<TableProgress> tables,
                       UpdateSummary summary, String error) {
    }

    private static final class Job implements UpdateProgress {
        final String id;
        final UpdateRequest request;
        volatile Status status = Status.QUEUED;
        volatile int tables;
        final Map<String, Integer> progress = new LinkedHashMap<>();
        volatile UpdateSummary summary;
        volatile String error;

        Job(String id, UpdateRequest request) {
            this.id = id;
            this.request = request;
        }

        @Override
        public synchronized void table(int index, int count, String table, int percent) {
            tables = count;
            progress.put(table, percent);
        }

        @Override
        public void importing(int figures) {
        }

        synchronized View view() {
            List<TableProgress> list = progress.entrySet().stream().map(e -> new TableProgress(e.getKey(), e.getValue())).toList();
            int percent = status == Status.DONE ? 100
                    : tables == 0 ? 0 : list.stream().mapToInt(TableProgress::percent).sum() / tables;
            return new View(id, request.year(), request.vintage().code(), status.code(), percent, list, summary, error);
        }
    }

    /** Queues an update and answers its id at once. */
    public String start(UpdateRequest request) {
        Job job = new Job(UUID.randomUUID().toString(), request);
        synchronized (order) {
            jobs.put(job.id, job);
            order.add(job.id);
            while (order.size() > KEPT) {
                jobs.remove(order.remove(0));
            }
        }
        // The audit log names whoever asked for the update, though it is written on the update's own thread.
        Optional<WriteActor> asker = WriteActor.current();
        worker.execute(() -> {
            asker.ifPresentOrElse(WriteActor::set, WriteActor::clear);
            run(job);
        });
        return job.id;
    }

    public Optional<View> find(String id) {
        return Optional.ofNullable(jobs.get(id)).map(Job::view);
    }

    private void run(Job job) {
        job.status = Status.RUNNING;
        try {
            job.summary = updater.run(job.request, clients.get(), job);
            job.status = Status.DONE;
        } catch (InvalidInputException | UpdateFailedException | NotFoundException | ConflictException e) {
            job.error = e.getMessage();
            job.status = Status.FAILED;
        } catch (InterruptedException e) {
            job.error = "Oppdateringen ble avbrutt; ingenting er endret.";
            job.status = Status.FAILED;
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("Update {} failed", job.id, e);
            job.error = "Oppdateringen feilet på grunn av en feil i tjenesten; ingenting er endret. Se tjenestens logg.";
            job.status = Status.FAILED;
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
