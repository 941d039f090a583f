export * from "./evaluations";
export * from "./themes";
export * from "./views";
export { voterKey } from "./voter";
