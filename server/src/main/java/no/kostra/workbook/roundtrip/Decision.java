package no.kostra.workbook.roundtrip;

import java.util.Objects;

/**
 * What happens to one edit.
 *
 * @param storedNow the figure stored now, as text, when it matters (a conflict shows both values)
 * @param reason    why, in bokmål, for the person who sent the file
 */
public record Decision(Edit edit, Outcome outcome, String storedNow, String reason) {
    public enum Outcome {
        /** Stored as a correction (or a comment). */
        APPLIED,
        /** The stored figure changed since the workbook was made, and the person changed it too: both kept, neither overwritten. */
        CONFLICT,
        /** Not acceptable here (not a number, a formula, a cell that may not be edited). */
        REJECTED,
        /**
         * A figure that looks like a slip ({@link no.kostra.compute.Plausibility}): not stored, and neither is anything
         * else of the workbook, until it is sent again confirmed.
         */
        HELD,
        /** Already stored exactly so (the same file, or the same correction, sent again). */
        ALREADY_STORED
    }

    public Decision {
        Objects.requireNonNull(edit, "edit");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
    }
}
