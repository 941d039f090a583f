// Only published figures leave this folder: the query functions beside this file return true
// counts, and are for `publishMetric` and their own tests alone.

export { disableMetricCache, enableMetricCache, type MetricCache } from "./cache";
export type {
  Metric,
  MetricName,
  MetricReadAudit,
  Publication,
  PublishOptions,
} from "./publish";
export { metricNames, publishMetric } from "./publish";
export {
  type MetricQueue,
  queueMetricComputations,
  ReadAbandoned,
  stopQueueingMetricComputations,
} from "./queue";
