import { serve } from "@hono/node-server";
import { createApp, createToken } from "@samsyn/api";
import type { Database } from "@samsyn/db";
import { benchSecret } from "./load";

const keepAliveTimeout = 600_000;

export interface ApiAnswer {
  readonly status: number;
  /** A metric answer's cells; undefined when it has none (an error). */
  readonly cells: readonly unknown[] | undefined;
}

export interface BenchApi {
  /** GET with the admin token, body read in full: what a dashboard waits for. */
  get(path: string): Promise<ApiAnswer>;
  close(): Promise<void>;
}

/**
 * The app as `samsyn serve` builds it, on 127.0.0.1 with an ephemeral port, signed in as an admin
 * with a dev token. The rate limits are lifted: the benchmark asks hundreds of times a minute.
 * Disclosure is `suppression`, so that every published figure can be held equal to the baseline's
 * exact one; the SQL (true counts and their cell keys) is the same in both modes.
 */
export async function startApi(database: Database): Promise<BenchApi> {
  const app = createApp(
    { database, secret: benchSecret, disclosure: "suppression" },
    {
      http: {
        rateLimitPerMinutePerToken: 1e9,
        rateLimitPerMinutePerIp: 1e9,
        metricRateLimitPerMinutePerUser: 1e9,
      },
    },
  );
  const token = await createToken(benchSecret, { sub: "bench", role: "admin", orgs: [] });
  const { server, port } = await new Promise<{ server: ReturnType<typeof serve>; port: number }>(
    (resolve) => {
      const started = serve(
        // PGlite runs in this thread: a long baseline query blocks the loop past the default 5 s
        // keep-alive, and the timer then resets the socket the next request is sent on.
        { fetch: app.fetch, port: 0, hostname: "127.0.0.1", serverOptions: { keepAliveTimeout } },
        (info) => resolve({ server: started, port: info.port }),
      );
    },
  );
  const base = `http://127.0.0.1:${port}`;
  return {
    async get(path) {
      const response = await fetch(`${base}${path}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      const body: unknown = await response.json();
      return { status: response.status, cells: cellsOf(body) };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function cellsOf(body: unknown): readonly unknown[] | undefined {
  if (typeof body !== "object" || body === null || !("cells" in body)) return undefined;
  return Array.isArray(body.cells) ? body.cells : undefined;
}
