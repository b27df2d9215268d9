/**
 * Dossier: the case file (hồ sơ), its code, its national status, its due date, and its audit trail. The module owns
 * its tables ({@code dossier}, {@code dossier_*}): no other module writes them; dossiers whose past is given (the demo
 * history, an import) come in through {@link vn.motcua.dossier.DossierImport} ({@code DossierTablesOwnershipTest}).
 */
package vn.motcua.dossier;
