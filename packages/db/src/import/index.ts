export type { ImportError, ImportErrorGroup, ImportNotice } from "./errors";
export { maxListedLines, maxReportedErrors } from "./errors";
export type { UserImportOptions } from "./import-as";
export { importAs } from "./import-as";
export type { ImportOptions, ImportReport, ImportStep } from "./import-directory";
export { importDirectory } from "./import-directory";
export { readRegisterCsv } from "./read-register";
export type { ImportProgress, ProgressListener } from "./stage-file";
