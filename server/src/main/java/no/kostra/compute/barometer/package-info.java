/** Kommunebarometeret's places: a municipality and the ASSS members side by side, and what to say about them. Pure. */
package no.kostra.compute.barometer;
