/** Exceptions that say whose fault a failure is; the web layer maps each to one HTTP status. */
package no.kostra.errors;
