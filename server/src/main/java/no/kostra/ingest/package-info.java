/** Bringing data in: the seed files, and (later) JSON-stat, CSV and xlsx imports. Validate everything, then load atomically. */
package no.kostra.ingest;
