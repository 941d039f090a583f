export * from "./arbitraries";
export * from "./builders";
export * from "./cell-keys";
export * from "./disclosure";
export * from "./examples";
export * from "./identifiers";
