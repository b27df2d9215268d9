/**
 * Sandbox (chạy thử): a designer test-runs a procedure's draft before publishing it, in a Camunda engine of its own
 * (in memory, one per node) whose models call test versions of the status, deadline and extension beans: test runs
 * never touch real dossiers, units, codes, indicators, search or notifications.
 */
package vn.motcua.sandbox;
