export { type App, type AppDeps, type AppOptions, createApp } from "./app";
export { createToken } from "./auth";
export { defaultMetricConcurrency, type Env, readEnv } from "./env";
export type { ErrorBody } from "./errors";

/**
 * The typed client of the dashboard is built from this (hono/client): every route of
 * routes/index.ts, chained, with its parameters and answers. Import it with `import type`, so
 * that no server code reaches a bundle.
 */
export type AppType = import("./app").App;
