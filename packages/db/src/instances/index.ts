export * from "./import-jobs";
export * from "./rate-limits";
export * from "./sessions";
