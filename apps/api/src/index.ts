export { type App, type AppDeps, type AppOptions, createApp } from "./app";
export type { ErrorBody } from "./errors";

/** The typed client of the dashboard is built from this (hono/client). */
export type AppType = import("./app").App;
