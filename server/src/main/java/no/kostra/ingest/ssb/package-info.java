/** A client for Statistics Norway's StatBank (PxWebApi v2, v1 as fallback): query building, splitting, rate limits, caching. */
package no.kostra.ingest.ssb;
