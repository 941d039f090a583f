import { type AgreementView, importRegister, listAgreements, readRegisterCsv } from "@samsyn/db";
import {
  type IsoDate,
  registerCsv,
  registerHeader,
  registerRow,
  spreadsheetText,
  stockholmDate,
  t,
} from "@samsyn/domain";
import type { Context } from "hono";
import { ApiError } from "../../errors";
import { auditOf } from "../../lib/respond";
import { type AppEnv, createRouter, readDatabase } from "../../lib/router";
import { preferredLocale } from "../imports/imports.handlers";
import { exportRegisterRoute, importRegisterRoute } from "./register.routes";

/** A county's register is a few hundred rows; a file far larger than that is no register. */
export const maxRegisterBytes = 5 * 1024 * 1024;

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * The register as a file (issue 17): export in the caller's sight, import by its keepers. The
 * CSV mapping is the domain's (`register-csv.ts`); the import's rules, writes and audit are
 * `importRegister`'s. Registered before `/agreements/{id}`, which would take "export" for an id.
 */
export function registerRoutes() {
  return createRouter()
    .openapi(exportRegisterRoute, async (c) => {
      const database = readDatabase(c);
      const today = stockholmDate(Date.now());
      const agreements = await listAgreements(database.db, c.get("scope"), {}, today);
      const { format } = c.req.valid("query");
      const body = format === "xlsx" ? await registerXlsx(agreements) : registerCsv(agreements);
      return new Response(body, {
        status: 200,
        headers: {
          "content-type": format === "xlsx" ? xlsxType : "text/csv; charset=utf-8",
          "content-disposition": attachment(today, format),
        },
      });
    })
    .openapi(importRegisterRoute, async (c) => {
      const { database } = c.get("deps");
      const locale = preferredLocale(c.req.header("accept-language"));
      const file = await registerFile(c);
      const result = await importRegister(
        database.db,
        c.get("scope"),
        auditOf(c),
        readRegisterCsv(file),
        {
          locale,
        },
      );
      if (result.ok) return c.json({ ...result.value, rows: [...result.value.rows] }, 200);
      if (result.error === "forbidden") throw new ApiError("forbidden");
      const details = [...(result.details ?? [])];
      throw new ApiError(
        "unprocessable",
        t("agreements.register.rejected", { count: details.length }, locale),
        details,
      );
    });
}

/** The body, refused with 413 past `maxRegisterBytes` whether or not its length was declared. */
async function registerFile(c: Context<AppEnv>): Promise<Uint8Array> {
  const tooLarge = () =>
    new ApiError("payload_too_large", t("http.payload_too_large", { limit: maxRegisterBytes }));
  if (Number(c.req.header("content-length") ?? 0) > maxRegisterBytes) throw tooLarge();
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (bytes.byteLength > maxRegisterBytes) throw tooLarge();
  return bytes;
}

/** A Swedish file name: ASCII for old clients, with its ö for those that read RFC 6266's filename*. */
function attachment(today: IsoDate, format: "csv" | "xlsx"): string {
  const name = (o: string) => `samsyn-${o}verenskommelser-${today}.${format}`;
  return `attachment; filename="${name("o")}"; filename*=UTF-8''${encodeURIComponent(name("ö"))}`;
}

/** The register's rows as one sheet, every cell neutralised as in the CSV (`spreadsheetText`). */
async function registerXlsx(agreements: readonly AgreementView[]): Promise<ArrayBuffer> {
  // exceljs is CommonJS: Node's ESM import gives only its `default` (vitest's transform also
  // names its exports, which is why the route's tests passed while `samsyn start` answered 500).
  const { default: exceljs } = await import("exceljs");
  const workbook = new exceljs.Workbook();
  const sheet = workbook.addWorksheet("Överenskommelser");
  const sectionCount = Math.max(0, ...agreements.map((a) => a.sections.length));
  sheet.addRow(registerHeader(sectionCount)).font = { bold: true };
  for (const agreement of agreements) {
    sheet.addRow(registerRow(agreement, sectionCount).map(spreadsheetText));
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return buffer as ArrayBuffer;
}
