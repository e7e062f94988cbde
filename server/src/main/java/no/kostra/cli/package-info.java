/** The command line (picocli): serve, and the commands later issues add. {@code main} reads settings and starts. */
package no.kostra.cli;
