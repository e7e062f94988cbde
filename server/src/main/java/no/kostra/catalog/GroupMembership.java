package no.kostra.catalog;

import java.util.Objects;

/** A municipality (canonical code) belongs to a group for the years fromYear..toYear (open-ended when toYear is null). */
public record GroupMembership(String group, String member, int fromYear, Integer toYear) {
    public GroupMembership {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(member, "member");
        if (toYear != null && toYear < fromYear) {
            throw new IllegalArgumentException("Membership of " + member + " in " + group + " ends (" + toYear + ") before it starts (" + fromYear + ")");
        }
    }

    public boolean covers(int year) {
        return year >= fromYear && (toYear == null || year <= toYear);
    }
}
