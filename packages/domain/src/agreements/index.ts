export * from "./agreement";
export * from "./coverage";
export * from "./review";
export * from "./status";
