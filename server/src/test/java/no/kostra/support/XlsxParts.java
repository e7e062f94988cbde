package no.kostra.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Reads and rewrites the XML parts of an xlsx package by hand, as a hostile or broken writer would produce them. */
public final class XlsxParts {
    private XlsxParts() {
    }

    public static String read(byte[] xlsx, String part) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(part)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("No part " + part);
    }

    /** The package with one part's text rewritten. */
    public static byte[] replace(byte[] xlsx, String part, UnaryOperator<String> edit) {
        return rewrite(xlsx, (name, text) -> name.equals(part) ? edit.apply(text) : text);
    }

    /** The package with one cell of a worksheet part (its whole {@code <c r="…">} element) written as {@code cell}. */
    public static byte[] replaceCell(byte[] xlsx, String part, String address, String cell) {
        return replace(xlsx, part, xml -> {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("<c r=\"" + address + "\"[^>]*?(/>|>.*?</c>)").matcher(xml);
            if (!m.find()) {
                throw new AssertionError("No cell " + address + " in " + part);
            }
            return xml.substring(0, m.start()) + cell + xml.substring(m.end());
        });
    }

    /** The package with every part's text passed through {@code edit} (name, text → new text). */
    public static byte[] rewrite(byte[] xlsx, BiFunction<String, String, String> edit) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx)); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(edit.apply(e.getName(), text).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
