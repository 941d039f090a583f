export * from "./mode";
export * from "./perturbation";
export * from "./record-key";
