export { databaseContents, schemaTableNames } from "../backup-contents";
// True counts, never published: for tests that judge what disclosure control let through.
export { caseCounts as trueCaseCounts } from "../queries/metrics/case-counts";
export * from "./access";
export * from "./county";
export * from "./databases";
export * from "./example-county";
export * from "./interchange-builders";
export { resetData } from "./reset";
