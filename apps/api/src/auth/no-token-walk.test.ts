import { testDatabases, useMigratedDatabase } from "@samsyn/db/testing";
import { describe, expect, it } from "vitest";
import type { ErrorBody } from "../errors";
import {
  adminScope,
  authed,
  expiredTokenFor,
  testApp,
  tokenSignedElsewhere,
  unsignedTokenFor,
} from "../testing";

interface OpenApiDocument {
  paths: Record<string, Record<string, { security?: unknown[] }>>;
}

interface Operation {
  readonly method: string;
  readonly path: string;
  readonly public: boolean;
}

const httpMethods = new Set(["get", "post", "put", "patch", "delete"]);

/** The operations that answer without a token; anything else marked public fails the walk. */
const publicOperations = ["GET /api/v1/health", "POST /api/v1/dev/sign-in"];

/** Every operation in the document, read from it so that new routes are walked as they come. */
function operations(doc: OpenApiDocument): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => httpMethods.has(method))
      .map(([method, operation]) => ({
        method: method.toUpperCase(),
        path,
        public: Array.isArray(operation.security) && operation.security.length === 0,
      })),
  );
}

/** `/cases/{id}` → `/cases/1`: a value each parameter could plausibly take. */
function concretePath(path: string): string {
  return path.replace(/\{(\w+)\}/g, (_whole, name: string) => {
    if (/code$/i.test(name)) return "K0180";
    if (/(date|on|from|to)$/i.test(name)) return "2025-01-01";
    return "1";
  });
}

function request(op: Operation, token?: string): RequestInit {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (token !== undefined) headers.Authorization = `Bearer ${token}`;
  const hasBody = op.method === "POST" || op.method === "PUT" || op.method === "PATCH";
  return { method: op.method, headers, ...(hasBody ? { body: "{}" } : {}) };
}

describe.each(testDatabases())("every route in the OpenAPI document on $name", (target) => {
  const database = useMigratedDatabase(target);

  async function walk() {
    const app = testApp(database());
    const res = await authed(app, "/api/v1/openapi.json");
    expect(res.status).toBe(200);
    return { app, ops: operations((await res.json()) as OpenApiDocument) };
  }

  it("has only health and the dev sign-in without a token", async () => {
    const { ops } = await walk();
    const open = ops.filter((op) => op.public).map((op) => `${op.method} ${op.path}`);
    expect(open.sort()).toEqual([...publicOperations].sort());
  });

  it("answers 401 in the error shape without a token and with a bad one", async () => {
    const { app, ops } = await walk();
    const badTokens = [
      ["none", undefined],
      ["expired", await expiredTokenFor(adminScope)],
      ["signed elsewhere", await tokenSignedElsewhere(adminScope)],
      ["alg none", unsignedTokenFor(adminScope)],
    ] as const;
    const failures: string[] = [];
    // Beside the documented routes: a path no route answers. (The document itself is public.)
    const extra: Operation[] = [{ method: "POST", path: "/api/v1/no-such-route", public: false }];
    for (const op of [...ops.filter((o) => !o.public), ...extra]) {
      for (const [kind, token] of badTokens) {
        const res = await app.request(concretePath(op.path), request(op, token));
        const body = (await res.json()) as ErrorBody;
        if (res.status !== 401 || body.error?.code !== "unauthenticated") {
          failures.push(`${op.method} ${op.path} (${kind} token): ${res.status}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
