package no.kostra.web;

/**
 * Weak entity tags (RFC 9110 §8.8.3) for answers that depend only on the request and the data revision. Weak, because
 * the same answer goes out gzipped or not; compared weakly, as {@code If-None-Match} is.
 */
final class EntityTags {
    private EntityTags() {
    }

    static String weak(String opaque) {
        return "W/\"" + opaque + "\"";
    }

    /** Whether an {@code If-None-Match} header (a list of tags, or *) names this tag. */
    static boolean matches(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        String wanted = opaque(tag);
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.equals("*") || opaque(c).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
