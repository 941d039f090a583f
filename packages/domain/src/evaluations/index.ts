export * from "./board";
export * from "./commands";
export * from "./decide";
export * from "./evaluation";
export * from "./recurring";
export * from "./themes";
