package no.kostra.ingest;

import java.util.function.Supplier;
import no.kostra.observation.Figure;

/**
 * Takes figures gathered by code (an update from StatBank) into an import: each is checked against the catalogue
 * exactly as a file's figures are (unknown codes refuse the import, SSB's back-filled empty rows are rejected). Each
 * figure carries its own source, stored with it; where it came from is told only when a message names it, so that
 * tens of thousands of figures do not each build a sentence that is rarely read.
 */
public interface FigureSink {
    /** A municipality's figure under the code the source used. */
    void observation(Supplier<String> where, String regionCode, String indicator, int year, Figure figure, String source);

    /** A group's own figure (KOSTRA-gruppe, landet): stored as the group's published mean. */
    void groupMean(Supplier<String> where, String groupCode, String indicator, int year, Figure figure, String source);
}
