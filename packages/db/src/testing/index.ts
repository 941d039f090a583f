export * from "./databases";
export * from "./interchange-builders";
export { resetData } from "./reset";
