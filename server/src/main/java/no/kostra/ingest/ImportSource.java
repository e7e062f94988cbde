package no.kostra.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A file to import: its name and its bytes, which the import may read more than once (a JSON-stat {@code value} list is
 * checked on a first pass and taken on a second). Bytes in memory (an upload, held by the route) or a file on disk (the
 * command line streams it: what the import holds does not grow with the file). A file must not change while it is
 * imported; if it does, the second pass says so and nothing is written.
 */
public final class ImportSource {
    private static final int HEAD = 16;

    private final String name;
    private final byte[] bytes;
    private final Path path;

    private ImportSource(String name, byte[] bytes, Path path) {
        this.name = name;
        this.bytes = bytes;
        this.path = path;
    }

    public static ImportSource of(String name, byte[] bytes) {
        return new ImportSource(name, bytes, null);
    }

    /** A file on disk, named by its file name. */
    public static ImportSource of(Path file) {
        return new ImportSource(file.getFileName().toString(), null, file);
    }

    public String name() {
        return name;
    }

    InputStream open() throws IOException {
        return bytes != null ? new ByteArrayInputStream(bytes) : Files.newInputStream(path);
    }

    /** The first bytes, to tell the format by. */
    byte[] head() {
        try (InputStream in = open()) {
            return in.readNBytes(HEAD);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** All of it, for the formats read whole (xlsx is compressed and refused beyond an Excel sheet; catalogue tables). */
    byte[] readAll() {
        try (InputStream in = open()) {
            return bytes != null ? bytes : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SHA-256 of the bytes, hex: the import's identity in the import log. */
    String sha256() {
        MessageDigest digest = newDigest();
        try (InputStream in = new DigestInputStream(open(), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
