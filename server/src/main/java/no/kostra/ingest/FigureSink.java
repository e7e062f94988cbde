package no.kostra.ingest;

import no.kostra.observation.Figure;

/**
 * Takes figures gathered by code (an update from StatBank) into an import: each is checked against the catalogue
 * exactly as a file's figures are (unknown codes refuse the import, SSB's back-filled empty rows are rejected).
 */
public interface FigureSink {
    /** A municipality's figure under the code the source used. */
    void observation(String where, String regionCode, String indicator, int year, Figure figure);

    /** A group's own figure (KOSTRA-gruppe, landet): stored as the group's published mean. */
    void groupMean(String where, String groupCode, String indicator, int year, Figure figure);
}
