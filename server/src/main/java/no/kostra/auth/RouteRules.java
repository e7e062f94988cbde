package no.kostra.auth;

import java.util.Optional;

/**
 * The role each route needs. Pure. Health and readiness stay open (a load balancer asks them without a token), and so
 * does how the task pane signs in (it asks before it has a token); reading
 * and downloading is for readers; returning workbooks and undoing their edits for editors; everything else that changes
 * data, the audit log and the metrics, for admins.
 */
public final class RouteRules {
    private RouteRules() {
    }

    /** The role needed, or empty for a route anyone may call. */
    public static Optional<Role> needed(String method, String path) {
        if (path.equals("/metrics")) {
            return Optional.of(Role.ADMIN);
        }
        if (!path.startsWith("/api/") || path.equals("/api/health") || path.equals("/api/ready") || method.equals("OPTIONS")
                || path.equals("/api/addin/sign-in")) {
            return Optional.empty();
        }
        if (method.equals("GET") || method.equals("HEAD")) {
            return Optional.of(path.equals("/api/audit") ? Role.ADMIN : Role.READER);
        }
        if (method.equals("POST") && (path.equals("/api/workbooks") || path.matches("/api/workbooks/[^/]+/edits/[^/]+/undo"))) {
            return Optional.of(Role.EDITOR);
        }
        return Optional.of(Role.ADMIN);
    }
}
