/**
 * Shared kernel: error types every feature raises and the web layer turns into answers, and localisation.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package vn.motcua.shared;
