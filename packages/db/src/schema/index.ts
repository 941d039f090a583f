export * from "./agreements";
export * from "./audit";
export * from "./case-facts";
export * from "./cases";
export * from "./catalogues";
export * from "./imports";
export * from "./installation";
export * from "./organisations";
