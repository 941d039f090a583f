import { createRoute, z } from "@hono/zod-openapi";
import { registerColumns } from "@samsyn/domain";
import { errorResponses, errorSchema } from "../schemas";

const columns = `${registerColumns.join(", ")}, then section_N_kind, section_N_title, section_N_text for N = 1, 2, … (as many as the longest agreement has, at least one)`;

const csvExample = [
  "\uFEFFid,title,level,status,parties,target_groups,municipalities,valid_from,valid_to,review_by,document_url,revision,replaced_by,section_1_kind,section_1_title,section_1_text",
  "0b6f3f3e-5a8d-4c1e-9f8e-2d7c6b5a4f3e,Överenskommelse om missbruk och beroende,lan,active,K0180|RS,missbruk_beroende,0180,2025-01-01,,2025-11-30,,3,,sip,Samordnad individuell plan,Den som först ser behovet kallar till SIP.",
].join("\r\n");

export const exportRegisterRoute = createRoute({
  operationId: "exportAgreementRegister",
  method: "get",
  path: "/agreements/export",
  tags: ["agreements"],
  summary:
    "The agreement register as CSV or XLSX, one row per agreement the caller may read (lan and admin all; ledning and samordnare their organisations')",
  description: `Columns: ${columns}. Lists are codes separated by "|". Every cell that a spreadsheet would run as a formula (starting with = + - @, a tab or CR) and every cell starting with an apostrophe gets a leading apostrophe; the import takes exactly one off, so the export reads back unchanged. CSV is UTF-8 with a BOM and CRLF; the file name is Swedish (samsyn-overenskommelser-YYYY-MM-DD).`,
  request: {
    query: z.object({
      format: z.enum(["csv", "xlsx"]).default("csv").openapi({ example: "csv" }),
    }),
  },
  responses: {
    200: {
      description: "The register, as an attachment",
      content: {
        "text/csv": { schema: z.string().openapi({ example: csvExample }) },
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
          schema: z.string().openapi({ format: "binary" }),
        },
      },
    },
    ...errorResponses(400),
  },
});

const importReport = z
  .object({
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    rows: z.array(
      z.object({
        line: z.number().int().openapi({ description: "1-based; the header is line 1" }),
        id: z.string().openapi({ format: "uuid" }),
        outcome: z.enum(["created", "updated", "unchanged"]),
      }),
    ),
  })
  .openapi("AgreementRegisterImport", {
    example: {
      created: 1,
      updated: 0,
      unchanged: 11,
      rows: [{ line: 2, id: "0b6f3f3e-5a8d-4c1e-9f8e-2d7c6b5a4f3e", outcome: "created" }],
    },
  });

export const importRegisterRoute = createRoute({
  operationId: "importAgreementRegister",
  method: "post",
  path: "/agreements/import",
  tags: ["agreements"],
  summary:
    "Import the register from CSV in the export's columns (lan, admin): all or nothing, idempotent; audited",
  description:
    "A row with an id is that agreement: unchanged when every column equals what is stored, otherwise changed (a new revision, status changes through the allowed transitions) only when its revision is the stored one; an id that names nothing creates the agreement under that id. A row without id is the stored agreement with exactly its contents, or a new one. Read like the case import: a BOM, CRLF, semicolons and Windows-1252 are accepted. Any bad row refuses the whole file (422) with one detail per problem: `path` is `line:column` and `message` says it in Swedish (English with Accept-Language: en), never repeating a personnummer.",
  request: {
    body: {
      required: true,
      content: { "text/csv": { schema: z.string().openapi({ example: csvExample }) } },
    },
  },
  responses: {
    200: {
      description: "What the import did with each row",
      content: { "application/json": { schema: importReport } },
    },
    422: {
      description: "The file was refused; nothing was stored",
      content: {
        "application/json": {
          schema: errorSchema,
          example: {
            error: {
              code: "unprocessable",
              message: "Filen lästes inte in: 1 fel. Inget sparades.",
              details: [
                {
                  path: "3:municipalities",
                  message: "Rad 3, kolumn municipalities: Kommunen finns inte i katalogen.",
                },
              ],
            },
          },
        },
      },
    },
    ...errorResponses(400, 403, 413, 415),
  },
});
