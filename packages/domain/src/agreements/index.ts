export * from "./access";
export * from "./agreement";
export * from "./commands";
export * from "./coverage";
export * from "./decide";
export * from "./indicators";
export * from "./review";
export * from "./status";
