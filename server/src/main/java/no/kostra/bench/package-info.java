/** Benchmarks, run from the packaged jar ({@code kostra-server bench …}); each reports a ratio to a baseline measured in the same run. */
package no.kostra.bench;
