/**
 * Catalogue: the administrative procedures (thủ tục hành chính), each a folder under processes/ with its BPMN and
 * descriptor, and its Camunda Forms under forms/; loaded, checked and deployed to the engine at start-up.
 */
package vn.motcua.catalogue;
