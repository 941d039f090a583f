import { testDatabases, useMigratedDatabase } from "@samsyn/db/testing";
import { Workbook } from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { authed, importAgreementCounty, jsonInit, testApp, testScope } from "../../testing";

const lan = testScope("lan", [], "lena");
const stockholmLedning = testScope("ledning", ["stockholms_stad"], "leif");
const nackaLedning = testScope("ledning", ["nacka_kommun"], "nina");

const stockholm = {
  title: '=HYPERLINK("http://x";"klicka")',
  level: "lokal",
  parties: ["stockholms_stad", "region_stockholm"],
  targetGroups: ["missbruk_beroende"],
  municipalities: ["0180"],
  validFrom: "2026-01-01",
  validTo: null,
  sections: [{ kind: "sip", title: "+SIP", text: "-kallelse inom fem dagar\n@alla parter" }],
};
const nacka = {
  ...stockholm,
  title: "Överenskommelse, Nacka",
  parties: ["nacka_kommun", "region_stockholm"],
  municipalities: ["0182"],
};

interface ErrorBody {
  error: { code: string; message: string; details: { path: string; message: string }[] };
}

describe.each(testDatabases())("the register as a file on $name", (target) => {
  const database = useMigratedDatabase(target);
  const app = () => testApp(database());
  const exportAs = (scope = lan, format = "csv") =>
    authed(app(), `/api/v1/agreements/export?format=${format}`, {}, scope);
  const importCsv = (csv: string, scope = lan) =>
    authed(
      app(),
      "/api/v1/agreements/import",
      { method: "POST", headers: { "Content-Type": "text/csv" }, body: csv },
      scope,
    );
  const register = async () =>
    (await (await authed(app(), "/api/v1/agreements", {}, lan)).json()) as {
      items: { id: string; title: string; revision: number }[];
    };

  beforeAll(async () => {
    await importAgreementCounty(database());
    for (const body of [stockholm, nacka]) {
      const res = await authed(app(), "/api/v1/agreements", jsonInit("POST", body), lan);
      if (res.status !== 201) throw new Error("fixture agreement not created");
    }
  });

  it("exports CSV with a BOM as a Swedish-named attachment, no cell starting like a formula", async () => {
    const res = await exportAs();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="samsyn-overenskommelser-\d{4}-\d{2}-\d{2}\.csv"; filename\*=UTF-8''samsyn-%C3%B6verenskommelser-/,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"";""klicka"")"`);
    expect(csv).toContain(",'+SIP,");
    expect(csv).toContain(`"'-kallelse inom fem dagar\n@alla parter"`);
  });

  it("exports XLSX whose every cell is neutralised the same way", async () => {
    const res = await exportAs(lan, "xlsx");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain(".xlsx");
    const workbook = new Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const cells: string[] = [];
    workbook.worksheets[0]?.eachRow((row) => {
      row.eachCell((cell) => {
        expect(cell.type).not.toBe(6); // ValueType.Formula
        cells.push(String(cell.value));
      });
    });
    expect(cells).toEqual(expect.arrayContaining(['\'=HYPERLINK("http://x";"klicka")', "'+SIP"]));
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
  });

  it("exports to ledning only the agreements its organisations are party to", async () => {
    const nackaCsv = await (await exportAs(nackaLedning)).text();
    expect(nackaCsv).toContain("Nacka");
    expect(nackaCsv).not.toContain("HYPERLINK");
    const none = await (await exportAs(testScope("ledning", ["solna_stad"], "sol"))).text();
    expect(none.trim().split("\r\n")).toHaveLength(1);
  });

  it("reads its export back unchanged, and a second import of a new row changes nothing", async () => {
    const csv = await (await exportAs()).text();
    const before = await register();
    const res = await importCsv(csv);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(await register()).toEqual(before);
    expect(await (await exportAs()).text()).toBe(csv);

    const [header = "", row = ""] = csv.replace("\uFEFF", "").split("\r\n");
    const copy = row.replace(/^[^,]+,/, ",").replace("0180", "0180|0182");
    for (const expected of [{ created: 1 }, { created: 0, unchanged: 1 }]) {
      const again = await importCsv(`${header}\r\n${copy}\r\n`);
      expect(await again.json()).toMatchObject(expected);
    }
  });

  it("refuses a file with a bad row as a whole, naming line and column in Swedish", async () => {
    const csv = await (await exportAs()).text();
    const before = await register();
    const bad = csv.replace(",0182,", ",0182|9999,");
    const res = await importCsv(bad);
    expect(res.status).toBe(422);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe("unprocessable");
    expect(body.error.message).toBe("Filen lästes inte in: 1 fel. Inget sparades.");
    expect(body.error.details).toEqual([
      {
        path: expect.stringMatching(/^\d:municipalities$/),
        message: expect.stringMatching(/^Rad \d, kolumn municipalities: Kommunen finns inte/),
      },
    ]);
    expect(await register()).toEqual(before);
  });

  it("lets neither ledning nor samordnare import, and takes only CSV", async () => {
    const csv = await (await exportAs()).text();
    for (const scope of [stockholmLedning, testScope("samordnare", ["stockholms_stad"], "sam")]) {
      expect((await importCsv(csv, scope)).status).toBe(403);
    }
    const json = await authed(app(), "/api/v1/agreements/import", jsonInit("POST", {}), lan);
    expect(json.status).toBe(415);
  });
});
