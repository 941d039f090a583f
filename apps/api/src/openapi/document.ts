import { createApp, openApiPath } from "../app";
import { unusedDatabase } from "../testing/app";
import { testSecret } from "../testing/tokens";

/**
 * The OpenAPI document as the app serves it in dev mode (every route, the dev sign-in too),
 * taken from the app itself without a server: serving it touches no database.
 */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  const app = createApp({ database: unusedDatabase(), secret: testSecret });
  const res = await app.request(openApiPath);
  if (res.status !== 200) throw new Error(`${openApiPath} answered ${res.status}`);
  return (await res.json()) as Record<string, unknown>;
}
