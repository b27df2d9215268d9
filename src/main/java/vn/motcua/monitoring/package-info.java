/**
 * Monitoring (giám sát): the service indicators of Decision 766/QĐ-TTg and the province's own targets per unit, level,
 * procedure, sector and period ({@link vn.motcua.monitoring.IndicatorService}, {@code GET /api/reports/indicators}),
 * the bottleneck steps of each procedure's process from the engine's history
 * ({@link vn.motcua.monitoring.BottleneckService}), the tracking register and indicator tables as XLSX and CSV
 * ({@link vn.motcua.monitoring.ReportExports}), operational metrics for the operations centre (Micrometer) and the
 * supervisor dashboard in {@code ui}. It reads the dossier tables with aggregate SQL (read model) and writes none of
 * them (the demo history is the demo module's, written through the dossier module's import).
 */
package vn.motcua.monitoring;
