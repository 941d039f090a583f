import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApp, unusedDatabase } from "../testing";

/**
 * The built dashboard as `samsyn serve` sends it: a temporary dist/ laid out like Vite's, with
 * the `.br`/`.gz` twins the precompress plugin writes.
 */
const shell = "<!doctype html><title>Samsyn</title><script src=/assets/index-Ab12Cd.js></script>";
const script = `export const greeting = "${"hej ".repeat(200)}";`;
const immutable = "public, max-age=31536000, immutable";

describe("the dashboard's files: caching and compression", () => {
  let dir: string;
  const app = () => testApp(unusedDatabase(), { dashboardDir: dir });
  const get = (path: string, acceptEncoding?: string) =>
    app().request(
      path,
      acceptEncoding === undefined ? {} : { headers: { "Accept-Encoding": acceptEncoding } },
    );

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "samsyn-dist-"));
    await mkdir(join(dir, "assets"));
    const files = { "index.html": shell, "assets/index-Ab12Cd.js": script };
    for (const [name, text] of Object.entries(files)) {
      await writeFile(join(dir, name), text);
      await writeFile(join(dir, `${name}.br`), brotliCompressSync(text));
      await writeFile(join(dir, `${name}.gz`), gzipSync(text));
    }
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("sends a hashed asset brotli-compressed when accepted, cached for a year", async () => {
    const res = await get("/assets/index-Ab12Cd.js", "gzip, deflate, br");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-encoding")).toBe("br");
    expect(res.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(res.headers.get("cache-control")).toBe(immutable);
    expect(res.headers.get("vary")).toMatch(/Accept-Encoding/);
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.length).toBeLessThan(script.length / 5);
    expect(brotliDecompressSync(body).toString()).toBe(script);
  });

  it("falls back to gzip, then to the file itself, by what the browser accepts", async () => {
    const gz = await get("/assets/index-Ab12Cd.js", "gzip");
    expect(gz.headers.get("content-encoding")).toBe("gzip");
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(script);
    const plain = await get("/assets/index-Ab12Cd.js");
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(await plain.text()).toBe(script);
    expect(plain.headers.get("cache-control")).toBe(immutable);
    expect(plain.headers.get("vary")).toMatch(/Accept-Encoding/);
  });

  it("has the shell revalidated, at / and on every client-side route, compressed too", async () => {
    for (const path of ["/", "/index.html", "/arenden", "/fastnade?process=sip"]) {
      const res = await get(path, "br");
      expect(res.status, path).toBe(200);
      expect(res.headers.get("cache-control"), path).toBe("no-cache");
      expect(res.headers.get("content-type"), path).toMatch(/^text\/html/);
      expect(res.headers.get("content-encoding"), path).toBe("br");
      expect(brotliDecompressSync(Buffer.from(await res.arrayBuffer())).toString()).toBe(shell);
    }
    const plain = await get("/ledtider");
    expect(await plain.text()).toBe(shell);
    expect(plain.headers.get("cache-control")).toBe("no-cache");
  });

  it("answers a missing asset with 404, not with the shell cached as a script", async () => {
    const res = await get("/assets/index-Old999.js", "br");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("cache-control")).not.toBe(immutable);
  });

  it("leaves the API alone: JSON, never cached, never from the dashboard's files", async () => {
    const health = await get("/api/v1/health", "br");
    expect(health.headers.get("content-type")).toMatch(/^application\/json/);
    expect(health.headers.get("cache-control")).toBe("no-store");
    expect(health.headers.get("content-encoding")).toBeNull();
    const missing = await get("/api/v1/finns-inte", "br");
    expect(missing.status).toBe(401);
    expect(missing.headers.get("cache-control")).toBe("no-store");
    const unknown = await get("/api/assets/index-Ab12Cd.js", "br");
    expect(unknown.headers.get("cache-control")).toBe("no-store");
    expect(unknown.headers.get("content-type")).toMatch(/^application\/json/);
  });
});
