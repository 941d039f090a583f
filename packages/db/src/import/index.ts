export type { ImportError, ImportErrorGroup } from "./errors";
export { maxListedLines, maxReportedErrors } from "./errors";
export type { UserImportOptions } from "./import-as";
export { importAs } from "./import-as";
export type { ImportCounts, ImportOptions, ImportReport } from "./import-directory";
export { importDirectory } from "./import-directory";
export { hashCaseRef } from "./ref-hash";
export type { ImportProgress, ProgressListener } from "./stage-file";
