package no.kostra.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Set;

/**
 * The embedded H2 database's folder and login, kept from everyone but the service's own user. H2's mixed mode
 * (AUTO_SERVER) serves the open database on a TCP port written, with its key, in the lock file: the port listens on
 * loopback only ({@code h2.bindAddress}, read by H2 once, when it loads), the folder is {@code 0700} so no other user
 * reads the lock file or the database, and the login has a generated password kept in {@value #PASSWORD_FILE}
 * ({@code 0600}) beside the database, which a command run beside {@code serve} by the same user reads too.
 * A folder made before it had a password (user {@code sa}, empty password) is given one when first opened.
 */
public final class EmbeddedDatabase {
    static final String USER = "sa";
    static final String PASSWORD_FILE = "db-password";
    private static final String PENDING = PASSWORD_FILE + ".ny";
    private static final String FILE_NAME = "kostra";
    private static final int WRONG_USER_OR_PASSWORD = 28000;
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    private EmbeddedDatabase() {
    }

    /**
     * H2's page cache: an eighth of the heap, from H2's default of 16 MiB up to 64 MiB. With the default, committing a
     * spring update (some 50 000 figures in one transaction) read a third of its pages back from the file; a small heap
     * ({@code -Xmx128m}) keeps the default.
     */
    static long cacheKilobytes(long maxHeapBytes) {
        return Math.max(16 * 1024, Math.min(64 * 1024, maxHeapBytes / 8 / 1024));
    }

    /** The settings of the database in {@code dataDir}: the folder made private and the login ready. */
    static DatabaseSettings settings(Path dataDir) {
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
        Path dir = dataDir.toAbsolutePath();
        String url = "jdbc:h2:file:" + dir.resolve(FILE_NAME) + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=120000;WRITE_DELAY=0;CACHE_SIZE="
                + cacheKilobytes(Runtime.getRuntime().maxMemory());
        try {
            Files.createDirectories(dir);
            ownerOnly(dir, OWNER_ONLY_DIR);
            Path password = dir.resolve(PASSWORD_FILE);
            if (!Files.exists(password)) {
                if (Files.exists(dir.resolve(FILE_NAME + ".mv.db"))) {
                    setPassword(url, dir);
                } else {
                    writeOnce(password, newPassword());
                }
            }
            ownerOnly(password, OWNER_ONLY_FILE);
            return new DatabaseSettings(url, USER, Files.readString(password, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A database made with the empty password gets the generated one. The password is written aside first and put in
     * place once H2 has it, so a process stopped in between finds it aside next time and tries it before the empty one.
     */
    private static void setPassword(String url, Path dir) throws IOException {
        Path pending = dir.resolve(PENDING);
        writeOnce(pending, newPassword());
        String password = Files.readString(pending, StandardCharsets.UTF_8).strip();
        try (Connection already = DriverManager.getConnection(url, USER, password)) {
            already.isValid(1);
        } catch (SQLException wrongPassword) {
            if (wrongPassword.getErrorCode() != WRONG_USER_OR_PASSWORD) {
                throw new StoreException("Could not open the embedded database: " + wrongPassword.getMessage(), wrongPassword);
            }
            try (Connection legacy = DriverManager.getConnection(url, USER, "");
                 Statement s = legacy.createStatement()) {
                s.execute("alter user " + USER + " set password '" + password + "'");
            } catch (SQLException e) {
                throw new StoreException("Could not give the embedded database its password: " + e.getMessage(), e);
            }
        }
        Files.move(pending, dir.resolve(PASSWORD_FILE), StandardCopyOption.ATOMIC_MOVE);
    }

    /** Writes the file with owner-only permissions unless it exists (another process made it first: its text stands). */
    private static void writeOnce(Path file, String text) throws IOException {
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            ownerOnly(temporary, OWNER_ONLY_FILE);
            Files.writeString(temporary, text + "\n", StandardCharsets.UTF_8);
            Files.createLink(file, temporary);
        } catch (FileAlreadyExistsException madeByAnother) {
            // the other process's password is the one H2 gets
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void ownerOnly(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (Files.getFileAttributeView(path, java.nio.file.attribute.PosixFileAttributeView.class) != null
                && !Files.getPosixFilePermissions(path).equals(permissions)) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }

    private static String newPassword() {
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }
}
