export { addIndicator, type NewIndicator } from "./add-indicator";
export { changeAgreementStatus, type StatusChange } from "./change-status";
export { createAgreement, type NewAgreement } from "./create-agreement";
export { closeDeviation, logDeviation } from "./deviations";
export { importRegister, type RegisterImportReport } from "./import-register";
export { reviseAgreement } from "./revise-agreement";
