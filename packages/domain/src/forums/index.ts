export * from "./access";
export * from "./commands";
export * from "./decide";
export * from "./follow-up";
export * from "./forum";
export * from "./quarterly-follow-up";
export * from "./status";
