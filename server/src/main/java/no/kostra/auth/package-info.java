/** Who may do what: personal API tokens (only a keyed hash kept), roles per municipality, the route rules. */
package no.kostra.auth;
