/**
 * Workflow: the thin seam between the BPMN models and the application. Delegates map input, call one application
 * service, map output; the dossier code is every process instance's business key.
 */
package vn.motcua.workflow;
