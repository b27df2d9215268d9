/**
 * Forms (biểu mẫu): Camunda Forms as Camunda Modeler 5 saves them (form-js schema), parsed and checked
 * ({@link vn.motcua.forms.FormSchema}), validated and normalised on the server with the same rules as in the
 * browser ({@link vn.motcua.forms.FormValidator}, {@link vn.motcua.forms.Forms}), and rendered with Vaadin's
 * free components ({@link vn.motcua.forms.FormRenderer}). FEEL in forms (conditions, computed fields,
 * templates) runs on Camunda's own FEEL engine. Everything other modules use is in this package; the rest
 * is package-private.
 */
package vn.motcua.forms;
