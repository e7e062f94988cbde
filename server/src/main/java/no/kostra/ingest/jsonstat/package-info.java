/** JSON-stat 2.0 datasets read with Jackson's streaming parser, checked for shape before any figure is taken from them. */
package no.kostra.ingest.jsonstat;
