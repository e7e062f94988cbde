/** A deterministic, clearly labelled synthetic full-country dataset in the import formats, for scale tests. */
package no.kostra.ingest.synthetic;
