/**
 * Dossier: the case file (hồ sơ), its code, its national status, its due date, and its audit trail.
 */
package vn.motcua.dossier;
