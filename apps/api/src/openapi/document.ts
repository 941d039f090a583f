import type { Database } from "@samsyn/db";
import { createApp, openApiPath } from "../app";

/**
 * The OpenAPI document as the app serves it in dev mode (every route, the dev sign-in too),
 * taken from the app itself without a server: serving it touches no database and no secret,
 * so both are stand-ins that fail loudly if that ever changes.
 */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  const noDatabase = new Proxy({} as Database, {
    get: () => {
      throw new Error("the OpenAPI document must not need the database");
    },
  });
  const app = createApp({ database: noDatabase, secret: "the-openapi-document-needs-no-secret" });
  const res = await app.request(openApiPath);
  if (res.status !== 200) throw new Error(`${openApiPath} answered ${res.status}`);
  return (await res.json()) as Record<string, unknown>;
}
