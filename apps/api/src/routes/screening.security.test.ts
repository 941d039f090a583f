import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { countSummary, importDirectory } from "@samsyn/db";
import {
  aCase,
  anEvent,
  aUnit,
  type InterchangeFiles,
  testDatabases,
  useMigratedDatabase,
  writeInterchange,
} from "@samsyn/db/testing";
import {
  containsIdentifier,
  interchangeFileNames,
  interchangeFiles,
  readForScreening,
} from "@samsyn/domain";
import { arbDisguisedIdentifier, type WrittenIdentifier } from "@samsyn/domain/testing";
import fc from "fast-check";
import { SignJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { createToken, devAudience, devIssuer, devSigningKey, type OidcAuthConfig } from "../auth";
import { subjectKey } from "../auth/config";
import {
  adminScope,
  authed,
  captureLogs,
  createTestIdentityProvider,
  jsonInit,
  registerProbeRoutes,
  testApp,
  testScope,
  testSecret,
} from "../testing";

/**
 * Security tests of identifier screening at every way text enters the API (SPEC "Privacy"):
 * personnummer and samordningsnummer written the way someone might disguise them (spaces, dashes,
 * minus signs, dots, other digit scripts, invisible characters) are refused wherever text is
 * stored, never reach the audit log or the logs through a token's subject, and no error repeats
 * them.
 */

const samordnare = testScope("samordnare", ["stockholms_stad"], "sara");
const newCase = {
  ref: "VK-2025-0042",
  process: "intern_samsjuklighet",
  targetGroup: "samsjuklighet",
  ageGroup: "vuxen",
  municipality: "0180",
  openedOn: "2025-03-01",
  initiatingUnit: "stockholm_socialtjanst",
};

/** Text around the number: letters, spaces and punctuation that do not join it. */
const around = fc.stringMatching(/^[A-Za-zÅÄÖåäö :(]{0,10}$/);
const disguisedInText = fc
  .tuple(around, arbDisguisedIdentifier(), around)
  .map(([before, id, after]) => ({ id, text: `${before}${id.text}${after}` }));

/** Every text of a JSON body, keys and values. */
function textsOf(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(textsOf);
  if (typeof value === "object" && value !== null) {
    return Object.entries(value).flatMap(([key, v]) => [key, ...textsOf(v)]);
  }
  return [];
}

/**
 * Whether a response text repeats the identifier: screening finds one in any of its JSON strings
 * (the raw text, when it is not JSON), or the identifier's ten digits show in one string read as
 * screening reads it. One string at a time: the digits of a whole JSON text run across fields (a
 * row's id, its timestamp 00:17:00.101, the next row's request id) and once made "7001010003" by
 * chance. What the server made itself — a request id, a time — holds nothing a caller sent, and
 * once read as a valid personnummer across a UUID's hyphens: it is left out.
 */
function repeats(responseText: string, id: WrittenIdentifier): boolean {
  const ten = id.digits.slice(-10);
  let texts: string[];
  try {
    texts = textsOf(JSON.parse(responseText)).filter((text) => !serverMade.test(text));
  } catch {
    texts = [responseText];
  }
  return texts.some(
    (text) => containsIdentifier(text) || readForScreening(text).replace(/\D/g, "").includes(ten),
  );
}

/** A UUID or an ISO timestamp, exactly. */
const serverMade =
  /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2}))$/i;

interface ErrorBody {
  error: { code: string; message: string; details: { path: string; message: string }[] };
}

describe.each(testDatabases())("disguised identifiers at every entry on $name", (target) => {
  const database = useMigratedDatabase(target);
  const app = () => testApp(database());
  const post = (path: string, body: unknown, scope = samordnare) =>
    authed(app(), path, jsonInit("POST", body), scope);

  let caseId = 0;
  beforeAll(async () => {
    const dir = await writeInterchange({ units: [aUnit()] });
    const report = await importDirectory(database(), { dir, secret: testSecret });
    await rm(dir, { recursive: true, force: true });
    if (!report.ok) throw new Error("fixture import failed");
    const created = await post("/api/v1/cases", newCase);
    caseId = ((await created.json()) as { id: number }).id;
  });

  /** 422 naming `field`, the value not repeated, nothing stored. */
  async function expectRefused(res: Response, field: string, id: WrittenIdentifier) {
    const text = await res.text();
    expect(res.status).toBe(422);
    expect((JSON.parse(text) as ErrorBody).error.details.map((d) => d.path)).toContain(field);
    expect(repeats(text, id)).toBe(false);
  }

  describe("text that would be stored", () => {
    it("refuses a case ref holding one (POST /cases)", async () => {
      const before = await countSummary(database().db);
      await fc.assert(
        fc.asyncProperty(disguisedInText, async ({ id, text }) => {
          await expectRefused(await post("/api/v1/cases", { ...newCase, ref: text }), "ref", id);
        }),
        { numRuns: 25 },
      );
      expect(await countSummary(database().db)).toEqual(before);
    });

    it("refuses a close reason holding one (POST /cases/{id}/events)", async () => {
      const before = await countSummary(database().db);
      await fc.assert(
        fc.asyncProperty(disguisedInText, async ({ id, text }) => {
          const close = { occurredAt: "2025-03-02", type: "close", value: text };
          await expectRefused(await post(`/api/v1/cases/${caseId}/events`, close), "value", id);
        }),
        { numRuns: 25 },
      );
      expect(await countSummary(database().db)).toEqual(before);
    });

    it("refuses a unit name holding one (POST /units)", async () => {
      const before = await countSummary(database().db);
      await fc.assert(
        fc.asyncProperty(disguisedInText, async ({ id, text }) => {
          const unit = { code: "ny_enhet", name: text, organisation: "stockholms_stad" };
          await expectRefused(await post("/api/v1/units", unit, adminScope), "name", id);
        }),
        { numRuns: 25 },
      );
      expect(await countSummary(database().db)).toEqual(before);
    });

    it("reports each import column holding one, without the value, and imports nothing", async () => {
      const before = await countSummary(database().db);
      await fc.assert(
        fc.asyncProperty(disguisedInText, async ({ id, text }) => {
          const files: InterchangeFiles = {
            units: [aUnit({ unit_code: "ny_enhet", unit_name: text })],
            cases: [aCase({ case_ref: text })],
            events: [anEvent({ case_ref: "ARENDE-0001", type: "close", step: "", value: text })],
          };
          const res = await authed(app(), "/api/v1/imports?mode=check", {
            method: "POST",
            body: await form(files),
          });
          const body = await res.text();
          expect(res.status).toBe(200);
          const report = JSON.parse(body) as { errors: { column: string; code: string }[] };
          expect(report.errors.filter((e) => e.code === "identifier").map((e) => e.column)).toEqual(
            ["unit_name", "case_ref", "value"],
          );
          expect(repeats(body, id)).toBe(false);
        }),
        { numRuns: 8 },
      );
      expect(await countSummary(database().db)).toEqual(before);
    });
  });

  describe("token subjects", () => {
    it("refuses a dev sign-in whose subject holds one, and `samsyn token` refuses it too", async () => {
      await fc.assert(
        fc.asyncProperty(disguisedInText, async ({ id, text }) => {
          const res = await app().request(
            "/api/v1/dev/sign-in",
            jsonInit("POST", { role: "admin", orgs: [], sub: text }),
          );
          await expectRefused(res, "sub", id);
          await expect(
            createToken(testSecret, { sub: text, role: "admin", orgs: [] }),
          ).rejects.toThrow();
        }),
        { numRuns: 25 },
      );
    });

    it("refuses a dev token signed with the secret whose subject holds one: no actor, no log", async () => {
      const logs = captureLogs();
      const logged = testApp(database(), { logger: logs.logger });
      await fc.assert(
        fc.asyncProperty(disguisedInText, async ({ id, text }) => {
          const token = await new SignJWT({ role: "admin", orgs: [] })
            .setProtectedHeader({ alg: "HS256", typ: "JWT" })
            .setSubject(text)
            .setIssuer(devIssuer)
            .setAudience(devAudience)
            .setIssuedAt()
            .setExpirationTime("10m")
            .sign(devSigningKey(testSecret));
          const res = await logged.request("/api/v1/cases", {
            headers: { Authorization: `Bearer ${token}` },
          });
          expect(res.status).toBe(401);
          expect(repeats(logs.text(), id)).toBe(false);
        }),
        { numRuns: 15 },
      );
      const audit = await authed(app(), "/api/v1/audit-log?limit=500");
      const rows = ((await audit.json()) as { items: { actor: string }[] }).items;
      expect(rows.every((r) => !containsIdentifier(r.actor))).toBe(true);
    });

    it("keeps an OIDC subject holding one only as its pseudonym, in the audit log and the logs", async () => {
      const idp = await createTestIdentityProvider();
      const auth: OidcAuthConfig = {
        mode: "oidc",
        issuer: idp.issuer,
        audience: idp.audience,
        keys: idp.keys,
        roleClaim: "role",
        orgsClaim: "orgs",
        subjectKey: subjectKey(testSecret),
      };
      const logs = captureLogs();
      const oidcApp = testApp(database(), {
        auth,
        logger: logs.logger,
        extraRoutes: registerProbeRoutes,
      });
      const bearer = async (claims: Record<string, unknown>) => ({
        headers: { Authorization: `Bearer ${await idp.sign(claims)}` },
      });
      const seen: WrittenIdentifier[] = [];
      await fc.assert(
        fc.asyncProperty(disguisedInText, async ({ id, text }) => {
          seen.push(id);
          const as = await bearer({ sub: text, role: "samordnare", orgs: ["stockholms_stad"] });
          const me = (await (await oidcApp.request("/api/v1/probe/whoami", as)).json()) as {
            sub: string;
          };
          expect(me.sub).toMatch(/^pseudonym:[\w-]{22}$/);
          expect((await oidcApp.request("/api/v1/cases", as)).status).toBe(200);
        }),
        { numRuns: 10 },
      );
      const admin = await bearer({ sub: "admin-1", role: "admin", orgs: [] });
      const audit = await oidcApp.request("/api/v1/audit-log?action=case.list&limit=500", admin);
      const text = await audit.text();
      const actors = (JSON.parse(text) as { items: { actor: string }[] }).items.map((r) => r.actor);
      expect(actors.filter((a) => a.startsWith("pseudonym:")).length).toBeGreaterThanOrEqual(1);
      for (const id of seen) {
        expect(repeats(text, id)).toBe(false);
        expect(repeats(logs.text(), id)).toBe(false);
      }
    });

    it("does not keep a path holding one in the audit row of a refused request", async () => {
      await fc.assert(
        fc.asyncProperty(disguisedInText, async ({ id, text }) => {
          const res = await app().request(`/api/v1/cases/${encodeURIComponent(text)}`);
          expect(res.status).toBe(401);
          const audit = await authed(app(), "/api/v1/audit-log?action=api.request&limit=5");
          expect(repeats(await audit.text(), id)).toBe(false);
        }),
        { numRuns: 15 },
      );
    });
  });

  describe("errors never repeat one", () => {
    const refusedWith400 = async (path: string, id: WrittenIdentifier, init?: RequestInit) => {
      const res = await authed(app(), path, init);
      const text = await res.text();
      expect(res.status).toBe(400);
      expect(repeats(text, id)).toBe(false);
      return JSON.parse(text) as ErrorBody;
    };

    it("in an unknown code of a metric parameter", async () => {
      await fc.assert(
        fc.asyncProperty(disguisedInText, async ({ id, text }) => {
          const value = encodeURIComponent(text);
          for (const path of [
            `/api/v1/metrics/cases?municipality=${value}`,
            `/api/v1/metrics/cases?process=${value}`,
            `/api/v1/metrics/lead-times?process=${value}&fromStep=1&toStep=2`,
            `/api/v1/metrics/flow?process=${value}`,
          ]) {
            const body = await refusedWith400(path, id);
            expect(body.error.details.map((d) => d.message)).toContain(
              "Okänd kod: (värdet visas inte).",
            );
          }
        }),
        { numRuns: 20 },
      );
    });

    it("in an unknown groupBy", async () => {
      await fc.assert(
        fc.asyncProperty(disguisedInText, async ({ id, text }) => {
          const value = encodeURIComponent(`targetGroup,${text}`);
          const body = await refusedWith400(`/api/v1/metrics/cases?groupBy=${value}`, id);
          expect(body.error.details.map((d) => d.path)).toEqual(["groupBy"]);
        }),
        { numRuns: 20 },
      );
    });

    it("in an unknown key of a JSON body", async () => {
      await fc.assert(
        fc.asyncProperty(disguisedInText, async ({ id, text }) => {
          const init = jsonInit("POST", { ...newCase, [text]: "x", note: 1 });
          const body = await refusedWith400("/api/v1/cases", id, init);
          expect(body.error.details.map((d) => d.message)).toEqual([
            "Okända fält: (värdet visas inte), note.",
          ]);
        }),
        { numRuns: 20 },
      );
    });

    it("in the name of an unknown upload field", async () => {
      await fc.assert(
        fc.asyncProperty(disguisedInText, async ({ id, text }) => {
          // A form encodes line breaks in a field's name (%0A), which no one reads as a number.
          const name = text.replace(/[\n\r]/g, " ");
          const data = await form({ units: [aUnit()] });
          data.append(name, new Blob(["x"], { type: "text/csv" }), "x.csv");
          const init = { method: "POST", body: data };
          await refusedWith400("/api/v1/imports?mode=check", id, init);
        }),
        { numRuns: 10 },
      );
    });

    it("still names ordinary unknown codes and fields", async () => {
      const metrics = await authed(app(), "/api/v1/metrics/cases?municipality=9999");
      expect(JSON.stringify(await metrics.json())).toContain("Okänd kod: 9999.");
      const res = await authed(app(), "/api/v1/cases", jsonInit("POST", { ...newCase, role: 1 }));
      expect(((await res.json()) as ErrorBody).error.details).toEqual([
        { path: "", message: "Okända fält: role." },
      ]);
    });
  });
});

/** The files as a browser's form would send them. */
async function form(files: InterchangeFiles): Promise<FormData> {
  const dir = await writeInterchange(files);
  const data = new FormData();
  for (const file of interchangeFiles) {
    const name = interchangeFileNames[file];
    data.append(file, new Blob([await readFile(join(dir, name))], { type: "text/csv" }), name);
  }
  await rm(dir, { recursive: true, force: true });
  return data;
}
