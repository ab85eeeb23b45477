// What other web modules (plan versus actual, coverage, reports) reuse from the dashboard: the chart wrapper, the period
// presets and the period / scope filter bar.
export { EChart, type ChartOption } from './echart';
export { DashboardFilters, type FilterChanges } from './dashboard-filters';
export * from './dashboard-period';
export { PeriodAlerts } from './period-alerts';
