package no.kostra.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The data revision every cached answer is keyed on is asked of the embedded database only when a transaction may have
 * moved it, and is never older than the last commit: writes by any client of the engine (the service, a command
 * connected through the mixed-mode port) are heard, uncommitted and rolled-back ones are not taken for committed.
 */
class CommittedRevisionTest {
    private final DatabaseSettings settings = DatabaseSettings.inMemory("revision-" + UUID.randomUUID());
    private Database database;
    private final AtomicInteger asked = new AtomicInteger();

    @BeforeEach
    void open() {
        database = Database.open(settings);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private LongSupplier countingAsk() {
        return () -> {
            asked.incrementAndGet();
            return database.read(DataRevision::current);
        };
    }

    /** What another client of the engine does: its own connection, not the service's pool. */
    private Connection otherClient() throws Exception {
        return DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
    }

    private static void moveRevision(Connection c) throws Exception {
        try (PreparedStatement s = c.prepareStatement("update data_revision set revision = revision + 1 where id = 1")) {
            s.executeUpdate();
        }
    }

    @Test
    void whileNothingIsWrittenTheDatabaseIsAskedOnce() {
        try (CommittedRevision revision = CommittedRevision.of(settings)) {
            long first = revision.current(countingAsk());

            long second = revision.current(countingAsk());
            long third = revision.current(countingAsk());

            assertThat(revision.watchesWrites()).isTrue();
            assertThat(second).isEqualTo(first);
            assertThat(third).isEqualTo(first);
            assertThat(asked).hasValue(1);
        }
    }

    @Test
    void aCommitByAnotherClientOfTheEngineIsSeenAtTheNextCall() throws Exception {
        // given a revision already read
        long before = database.dataRevision();

        // when another client moves it and commits
        try (Connection other = otherClient()) {
            moveRevision(other);
        }

        // then the next call answers the new one
        assertThat(database.dataRevision()).isEqualTo(before + 1);
    }

    @Test
    void anUncommittedMoveIsNotTakenForCommittedAndIsSeenOnceItCommits() throws Exception {
        long before = database.dataRevision();
        try (Connection other = otherClient()) {
            other.setAutoCommit(false);
            moveRevision(other);

            assertThat(database.dataRevision()).isEqualTo(before);

            other.commit();
            assertThat(database.dataRevision()).isEqualTo(before + 1);
        }
    }

    @Test
    void aRolledBackMoveLeavesTheRevisionAndTheNextCommitIsStillSeen() throws Exception {
        long before = database.dataRevision();
        try (Connection other = otherClient()) {
            other.setAutoCommit(false);
            moveRevision(other);
            other.rollback();
            assertThat(database.dataRevision()).isEqualTo(before);

            moveRevision(other);
            other.commit();
        }
        assertThat(database.dataRevision()).isEqualTo(before + 1);
    }

    @Test
    void aClientOfAnotherProcesssEngineAsksEveryTime() throws Exception {
        Server tcp = Server.createTcpServer("-tcpPort", "0", "-tcpAllowOthers").start();
        try {
            String name = settings.jdbcUrl().substring("jdbc:h2:mem:".length(), settings.jdbcUrl().indexOf(';'));
            DatabaseSettings remote = new DatabaseSettings("jdbc:h2:tcp://127.0.0.1:" + tcp.getPort() + "/mem:" + name,
                    settings.user(), settings.password());
            try (CommittedRevision revision = CommittedRevision.of(remote)) {
                revision.current(countingAsk());
                revision.current(countingAsk());

                assertThat(revision.watchesWrites()).isFalse();
                assertThat(asked).hasValue(2);
            }
        } finally {
            tcp.stop();
        }
    }

    @Test
    void underConcurrentReadersAndWritesNoCallAnswersOlderThanTheLastFinishedCommit() throws Exception {
        AtomicLong lastFinishedCommit = new AtomicLong(database.dataRevision());
        ExecutorService threads = Executors.newFixedThreadPool(9);
        try {
            Future<?> writer = threads.submit(() -> {
                try (Connection other = otherClient()) {
                    for (int i = 0; i < 300; i++) {
                        moveRevision(other);
                        lastFinishedCommit.incrementAndGet();
                    }
                }
                return null;
            });
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < 8; r++) {
                readers.add(threads.submit(() -> {
                    int stale = 0;
                    while (!writer.isDone()) {
                        long committedBefore = lastFinishedCommit.get();
                        if (database.dataRevision() < committedBefore) {
                            stale++;
                        }
                    }
                    return stale;
                }));
            }
            writer.get();
            for (Future<Integer> reader : readers) {
                assertThat(reader.get()).isZero();
            }
            assertThat(database.dataRevision()).isEqualTo(lastFinishedCommit.get());
        } finally {
            threads.shutdownNow();
        }
    }
}
