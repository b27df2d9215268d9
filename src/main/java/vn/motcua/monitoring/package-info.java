/**
 * Monitoring (giám sát): the service indicators of Decision 766/QĐ-TTg and the province's own targets per unit, level,
 * procedure, sector and period ({@link vn.motcua.monitoring.IndicatorService}, {@code GET /api/reports/indicators}),
 * the bottleneck steps of each procedure's process from the engine's history
 * ({@link vn.motcua.monitoring.BottleneckService}), the tracking register and indicator tables as XLSX and CSV
 * ({@link vn.motcua.monitoring.ReportExports}), operational metrics for the operations centre (Micrometer), a
 * generator of consistent demo history ({@link vn.motcua.monitoring.HistoryGenerator}) and the supervisor dashboard
 * in {@code ui}. It reads the dossier tables with aggregate SQL (read model) and changes nothing but what the
 * generator writes.
 */
package vn.motcua.monitoring;
