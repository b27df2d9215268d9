/**
 * The dossier's extension points: what other capabilities contribute to the dossier's screens without those screens
 * knowing them (the attachments' panel on the dossier and task views, the files brought with a dossier at intake).
 * Every Spring bean implementing one of these interfaces is picked up.
 */
@org.springframework.modulith.NamedInterface("extension")
package vn.motcua.dossier.extension;
