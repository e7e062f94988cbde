/** Use cases that join the store and the pure computation; the one composition root ({@link no.kostra.service.Services}). */
package no.kostra.service;
