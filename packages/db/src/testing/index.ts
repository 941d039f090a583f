export * from "./access";
export * from "./county";
export * from "./databases";
export * from "./example-county";
export * from "./interchange-builders";
export { resetData } from "./reset";
