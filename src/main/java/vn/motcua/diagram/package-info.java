/**
 * Diagram: BPMN diagrams in the browser. {@link vn.motcua.diagram.BpmnViewer} draws a process model with bpmn-js
 * (current step highlighted, badges, heatmap colours, clicks back to the server); the public procedure page in
 * {@code ui} shows a procedure of the catalogue with its diagram. The browser library is served as a static file
 * from {@code /vendor/} (frontend-vendor/, installed by Maven): no Vaadin frontend build.
 */
package vn.motcua.diagram;
