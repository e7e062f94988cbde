/** HTTP at the edge: Javalin routes that parse, make one call and render; errors mapped once to JSON. */
package no.kostra.web;
