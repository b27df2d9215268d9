/**
 * Shared kernel: error types every feature raises and the web layer turns into answers, localisation, and which
 * database the application runs on.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package vn.motcua.shared;
