/**
 * The efficiency split of a service area against ASSS: cost index C, production index P = Σ wᵢ · pᵢ / pᵢ,ASSS and
 * efficiency E = P / C − 1, all as ratios to ASSS = 1 (C = 1,095 is 9,5 % above ASSS; E = −0,082 is 8,2 % under). Pure.
 */
package no.kostra.compute.efficiency;
