package no.kostra.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The seed data files (see seeds/README.md), read from the classpath (packaged into the jar) or from a folder.
 * Immutable once read.
 */
public final class SeedFiles {
    /** The files the store is loaded from, in load order. */
    static final List<String> LOADED = List.of("regions.csv", "region_code_changes.csv", "group_members.csv",
            "service_profiles.csv", "indicators.csv", "profile_rows.csv", "observations.csv", "group_statistics.csv");
    /**
     * Files loaded when present: the analysis tables (see {@link AnalysisSeeds}), the indicator sources and the shapes
     * of their StatBank tables.
     */
    static final List<String> OPTIONAL = java.util.stream.Stream.concat(AnalysisSeeds.FILES.stream(),
            java.util.stream.Stream.of(SourceTable.FILE, TableShapeTable.FILE)).toList();

    private final Map<String, String> texts;

    private SeedFiles(Map<String, String> texts) {
        this.texts = Map.copyOf(texts);
    }

    public static SeedFiles fromClasspath() {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String name : LOADED) {
            try (InputStream in = SeedFiles.class.getResourceAsStream("/seeds/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("Seed file seeds/" + name + " is not on the classpath");
                }
                texts.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read seed file " + name, e);
            }
        }
        for (String name : OPTIONAL) {
            try (InputStream in = SeedFiles.class.getResourceAsStream("/seeds/" + name)) {
                if (in != null) {
                    texts.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read seed file " + name, e);
            }
        }
        return new SeedFiles(texts);
    }

    public static SeedFiles fromDirectory(Path dir) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String name : LOADED) {
            try {
                texts.put(name, Files.readString(dir.resolve(name), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read seed file " + dir.resolve(name), e);
            }
        }
        for (String name : OPTIONAL) {
            try {
                if (Files.exists(dir.resolve(name))) {
                    texts.put(name, Files.readString(dir.resolve(name), StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read seed file " + dir.resolve(name), e);
            }
        }
        return new SeedFiles(texts);
    }

    /** The text of an optional seed file, or null when it is not there. */
    String optionalText(String name) {
        return texts.containsKey(name) ? text(name) : null;
    }

    String text(String name) {
        String text = texts.get(name);
        if (text == null) {
            throw new IllegalArgumentException("Not a seed file: " + name);
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** SHA-256 over every file's name and bytes: the seeds' identity, so unchanged seeds are never loaded twice. */
    public String checksum() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String name : java.util.stream.Stream.concat(LOADED.stream(), OPTIONAL.stream())
                    .filter(texts::containsKey).toList()) {
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(texts.get(name).getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
