/**
 * Demo data (profile {@code demo} only, never in production): the organisation of An Giang as it stands since
 * 1 July 2025 (two tiers) and demo users, and a generator of consistent demo history for the dashboards and the
 * benchmarks ({@link vn.motcua.demo.HistoryGenerator}, on the first start and with {@code --motcua.demo-history.generate=N}). Every bean here carries the {@code demo}
 * profile, so that without it nothing can write demo data, whatever the settings say; the dossiers are written
 * through the dossier module's import ({@link vn.motcua.dossier.DossierImport}), never into its tables directly.
 */
package vn.motcua.demo;
