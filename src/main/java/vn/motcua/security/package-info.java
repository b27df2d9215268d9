/**
 * Security: who is signed in, what their role and unit are, and which requests each may make (Vaadin views, REST
 * API, Camunda's webapps and REST API).
 */
package vn.motcua.security;
