export * from "./effect";
export * from "./signals";
