export * from "./access";
export * from "./commands";
export * from "./decide";
export * from "./escalation";
export * from "./metric";
