import { relative } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import { respondError } from "../errors";
import type { Router } from "./router";

/** Vite names every built asset after its content: a changed file is a new URL. */
const hashedAssets = "/assets/";
const cacheForever = "public, max-age=31536000, immutable";
/** The shell (index.html) names the current assets, so the browser asks each time. */
const revalidate = "no-cache";

/**
 * Serves the built dashboard (apps/dashboard/dist) beside the API: the files as Vite wrote
 * them, the `.br`/`.gz` twins its precompress plugin made when the browser accepts one, and
 * index.html for every other path (client-side routes: /arenden, /ledtider …). Mounted after
 * /api, so API answers never pass through here (they are `no-store`, see secure-headers).
 */
export function mountDashboard(app: Router, dashboardDir: string): void {
  // serveStatic resolves `root` against the working directory, so hand it a relative path.
  const root = relative(process.cwd(), dashboardDir) || ".";
  app.use("/*", async (c, next) => {
    await next();
    const hashed = c.req.path.startsWith(hashedAssets) && c.res.ok;
    c.header("Cache-Control", hashed ? cacheForever : revalidate);
    // One URL, several encodings: a shared cache must key on what the browser accepts.
    if (!c.res.headers.get("Vary")?.includes("Accept-Encoding")) {
      c.header("Vary", "Accept-Encoding", { append: true });
    }
  });
  app.use("/*", serveStatic({ root, precompressed: true }));
  // A missing asset is an old or mistyped URL: answering with the shell would cache HTML as JS.
  app.all(`${hashedAssets}*`, (c) => respondError(c, "not_found"));
  app.get("/*", serveStatic({ root, path: "index.html", precompressed: true }));
}
