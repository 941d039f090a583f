import { z } from "@hono/zod-openapi";
import { isRealDate, t } from "@samsyn/domain";
import { errorCodes } from "../errors";

/** The SPEC error shape, for every route's documented failures. */
export const errorSchema = z
  .object({
    error: z.object({
      code: z.enum(errorCodes).openapi({
        description: "One of the API's error codes; each answers with one HTTP status",
      }),
      message: z.string(),
      details: z.array(z.object({ path: z.string(), message: z.string() })),
    }),
  })
  .openapi("Error");

export function errorResponses(
  ...statuses: (400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503)[]
) {
  const descriptions: Record<number, string> = {
    400: "Felaktig begäran / malformed request",
    401: "Saknad eller ogiltig token / missing or invalid token",
    403: "Utanför behörighet / outside the caller's role or scope",
    404: "Finns inte eller utanför behörighet / not found (or out of scope)",
    409: "Konflikt / conflict",
    413: "För stor / too large",
    415: "Fel innehållstyp / unsupported media type",
    422: "Avvisat innehåll, t.ex. ett personnummer / rejected content, e.g. an identifier",
    429: "För många anrop / rate limited",
    503: "Databasen svarar inte / database unavailable",
  };
  return Object.fromEntries(
    [401, 429, 503, ...statuses].map((s) => [
      s,
      {
        description: descriptions[s] ?? String(s),
        content: { "application/json": { schema: errorSchema } },
      },
    ]),
  );
}

export const paginationQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50).openapi({ example: 50 }),
  offset: z.coerce.number().int().min(0).default(0).openapi({ example: 0 }),
});

/** A repeatable query parameter (`municipality=0180&municipality=0182`) as a list. */
export const repeatable = (description: string) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
    .openapi({
      description: `${description} (repeatable)`,
      type: "array",
      items: { type: "string" },
    });

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A calendar date that exists, `YYYY-MM-DD`: "2026-1-1" is said to be no date, "2026-02-30" a
 * date that does not exist — one detail each, never both.
 */
export const isoDate = z
  .string()
  .regex(datePattern)
  .refine((v) => !datePattern.test(v) || isRealDate(v), t("error.field.no_such_date"))
  .openapi({ example: "2026-01-01", format: "date" });
