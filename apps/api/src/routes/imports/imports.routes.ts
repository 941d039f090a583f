import { createRoute, z } from "@hono/zod-openapi";
import { importErrorCodes, importNoticeCodes, interchangeFiles } from "@samsyn/domain";
import { errorResponses, errorSchema } from "../schemas";

const counts = z
  .object({ units: z.number().int(), cases: z.number().int(), events: z.number().int() })
  .openapi("ImportCounts");

const rowError = z
  .object({
    file: z.string().openapi({ example: "events.csv" }),
    line: z
      .number()
      .int()
      .nullable()
      .openapi({ description: "1-based, the header is line 1; null for a whole file" }),
    column: z.string().nullable().openapi({ example: "case_ref" }),
    code: z.enum(importErrorCodes),
    message: z.string().openapi({
      description:
        "Swedish (English with Accept-Language: en): the rule, the rejected value as in `value`, and the valid codes when the column takes one of a list (a few and their number when they are many)",
    }),
    value: z.string().optional().openapi({
      description:
        "The rejected text (at most 64 characters); absent when empty, unknown (a case_ref is only kept hashed) or when screening finds a personnummer or samordningsnummer in it",
      example: "9999",
    }),
  })
  .openapi("ImportRowError");

const errorGroup = z
  .object({
    file: z.string().openapi({ example: "cases.csv" }),
    column: z.string().nullable().openapi({ example: "municipality_code" }),
    code: z.enum(importErrorCodes),
    message: z.string(),
    value: z.string().optional(),
    count: z.number().int().openapi({ description: "How many rows have this error" }),
    lines: z.array(z.number().int().nullable()).openapi({
      description:
        "Every line, in order (null for a whole file); only the first ones when the report lists more than 1 000 000 lines in all",
    }),
  })
  .openapi("ImportErrorGroup");

const notice = z
  .object({
    file: z.string().openapi({ example: "units.csv" }),
    code: z.enum(importNoticeCodes),
    message: z.string().openapi({
      description: "Swedish (English with Accept-Language: en): how the file was read",
    }),
  })
  .openapi("ImportNotice");

const notices = z.array(notice).openapi({
  description:
    "How files not in the interchange format's own form were read: semicolon-separated, or converted from Windows-1252",
});

export const importReport = z
  .union([
    z.object({
      ok: z.literal(true),
      importId: z
        .number()
        .int()
        .nullable()
        .openapi({ description: "The imports row of a commit; null for a check" }),
      added: counts,
      skipped: counts.openapi({ description: "Rows already present, or repeated in the files" }),
      notices,
    }),
    z.object({
      ok: z.literal(false),
      errors: z.array(rowError).openapi({ description: "The first 100, by file and line" }),
      errorCount: z.number().int(),
      groups: z.array(errorGroup).openapi({
        description:
          "Every error, those with the same file, column, code and value in one group with all their lines: the full report",
      }),
      notices,
    }),
  ])
  .openapi("ImportReport", {
    example: {
      ok: false,
      errorCount: 1,
      errors: [
        {
          file: "events.csv",
          line: 42,
          column: "case_ref",
          code: "identifier",
          message:
            "Kolumnen innehåller ett personnummer eller samordningsnummer. Sådana uppgifter får inte lagras i Samsyn, och värdet visas därför inte.",
        },
      ],
      groups: [
        {
          file: "events.csv",
          column: "case_ref",
          code: "identifier",
          message:
            "Kolumnen innehåller ett personnummer eller samordningsnummer. Sådana uppgifter får inte lagras i Samsyn, och värdet visas därför inte.",
          count: 1,
          lines: [42],
        },
      ],
      notices: [],
    },
  });

export const importJob = z
  .object({
    id: z.string(),
    state: z.enum(["running", "done", "failed"]),
    progress: z.object({
      file: z.string().nullable().openapi({ description: "The file being read; null at first" }),
      rows: z.number().int(),
      bytes: z.number().int(),
      totalBytes: z.number().int().openapi({ description: "The size of `file`" }),
      // importDirectory's ImportStep as it is: a derivation always has its counts.
      step: z
        .discriminatedUnion("step", [
          z.object({ step: z.literal("checking") }),
          z.object({ step: z.literal("storing") }),
          z.object({
            step: z.literal("deriving"),
            done: z.number().int(),
            total: z.number().int(),
          }),
        ])
        .optional()
        .openapi({
          description:
            "Once the files are read: the reference checks, the inserts, then the derivation of the metrics' storage, `done` of `total` cases (minutes at a county's size)",
        }),
    }),
    report: importReport
      .optional()
      .openapi({ description: "When done, or failed with rejected rows (nothing committed)" }),
    error: errorSchema.shape.error
      .optional()
      .openapi({ description: "When failed for another reason than rejected rows" }),
  })
  .openapi("ImportJob", {
    example: {
      id: "3f0e9a52-4d2b-4f7e-9a51-0c8f7d2b1e64",
      state: "running",
      progress: { file: "events.csv", rows: 120000, bytes: 6291456, totalBytes: 52428800 },
    },
  });

const csvFile = (name: string) => ({
  type: "string" as const,
  format: "binary",
  description: `${name} (UTF-8, RFC 4180, header row as in SPEC "Interchange format")`,
});

/** Not a zod schema on purpose: a zod form body would make hono buffer the whole upload. */
const multipartFiles = {
  type: "object" as const,
  required: [...interchangeFiles],
  properties: {
    units: csvFile("units.csv"),
    cases: csvFile("cases.csv"),
    events: csvFile("events.csv"),
  },
};

export const postImportRoute = createRoute({
  method: "post",
  operationId: "importFiles",
  path: "/imports",
  tags: ["imports"],
  summary:
    "Check (mode=check: dry run, 200 with the report) or import (mode=commit: 202 with a job) the three interchange files (admin, samordnare: own organisations only); audited",
  request: {
    query: z.object({ mode: z.enum(["check", "commit"]).openapi({ example: "check" }) }),
    body: { required: true, content: { "multipart/form-data": { schema: multipartFiles } } },
  },
  responses: {
    200: {
      description: "mode=check: the report; nothing was saved",
      content: { "application/json": { schema: importReport } },
    },
    202: {
      description: "mode=commit: the import runs as a job; follow it at /imports/jobs/{id}",
      content: { "application/json": { schema: z.object({ job: importJob }) } },
    },
    ...errorResponses(400, 403, 409, 413, 415),
  },
});

export const getImportJobRoute = createRoute({
  method: "get",
  operationId: "getImportJob",
  path: "/imports/jobs/{id}",
  tags: ["imports"],
  summary: "A running or finished import (kept an hour); only for the user who started it",
  request: {
    params: z.object({
      id: z
        .string()
        .max(64)
        .openapi({
          param: { name: "id", in: "path" },
          example: "3f0e9a52-4d2b-4f7e-9a51-0c8f7d2b1e64",
        }),
    }),
  },
  responses: {
    200: { description: "The job", content: { "application/json": { schema: importJob } } },
    ...errorResponses(403, 404),
  },
});

const importRecord = z
  .object({
    id: z.number().int(),
    startedAt: z.string(),
    finishedAt: z.string(),
    actor: z.string().openapi({ description: "The user's subject, or cli" }),
    added: counts,
    skipped: counts,
  })
  .openapi("ImportRecord");

export const listImportsRoute = createRoute({
  method: "get",
  operationId: "listImports",
  path: "/imports",
  tags: ["imports"],
  summary: "Recent committed imports, newest first: admin all, samordnare their own",
  request: {
    query: z.object({
      limit: z.coerce.number().int().min(1).max(100).default(20).openapi({ example: 20 }),
    }),
  },
  responses: {
    200: {
      description: "The imports",
      content: {
        "application/json": {
          schema: z.object({ items: z.array(importRecord) }).openapi("ImportList"),
        },
      },
    },
    ...errorResponses(400, 403),
  },
});
