export * from "./arbitraries";
export * from "./builders";
export * from "./examples";
