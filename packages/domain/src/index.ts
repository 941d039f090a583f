export * from "./case";
export * from "./catalogues";
export * from "./codes";
export * from "./messages";
export * from "./process-models";
export * from "./screen-identifiers";
export * from "./time";
