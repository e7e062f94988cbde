/**
 * Pure computation: service profiles, comparisons with ASSS and others. Takes catalogue entries and figures, returns
 * tables; no I/O, no HTTP, no JDBC, no POI.
 */
package no.kostra.compute;
