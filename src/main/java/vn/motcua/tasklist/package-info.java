/**
 * Task list: what each civil servant has to do, what is due first, and completing a step with its form.
 */
package vn.motcua.tasklist;
