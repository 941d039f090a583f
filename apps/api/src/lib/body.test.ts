import { once } from "node:events";
import { request as httpRequest } from "node:http";
import { type AddressInfo, connect } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { serve } from "@hono/node-server";
import { z } from "@hono/zod-openapi";
import { testDatabases, useMigratedDatabase } from "@samsyn/db/testing";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { devAudience, devIssuer, devSigningKey } from "../auth/config";
import type { ErrorBody } from "../errors";
import {
  adminScope,
  authed,
  jsonInit,
  registerProbeRoutes,
  testApp,
  testScope,
  testSecret,
  tokenFor,
  unusedDatabase,
} from "../testing";
import { jsonBody, registerImportMaxBytes } from "./body";
import { nodeServerOptions } from "./http-settings";

const limit = 1024;
const app = testApp(unusedDatabase(), {
  extraRoutes: registerProbeRoutes,
  http: { bodyLimitBytes: limit },
});
const echo = "/api/v1/probe/echo";

async function errorOf(res: Response): Promise<ErrorBody["error"]> {
  return ((await res.json()) as ErrorBody).error;
}

function chunked(totalBytes: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      const chunk = new TextEncoder().encode(" ".repeat(Math.min(256, totalBytes - sent)));
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
}

describe("body size", () => {
  it("accepts a body at the limit", async () => {
    const body = JSON.stringify({ name: "x".repeat(limit - 20) }).padEnd(limit, " ");
    const res = await authed(app, echo, { ...jsonInit("POST", {}), body });
    expect(res.status).toBe(200);
  });

  it("refuses a declared Content-Length over the limit with 413 in the error shape", async () => {
    const body = JSON.stringify({ name: "x".repeat(limit) });
    const init = jsonInit("POST", {});
    const headers = {
      ...(init.headers as Record<string, string>),
      "Content-Length": String(body.length),
    };
    const res = await authed(app, echo, { ...init, headers, body });
    expect(res.status).toBe(413);
    expect(await errorOf(res)).toEqual({
      code: "payload_too_large",
      message: "Kroppen är för stor: högst 1024 byte.",
      details: [],
    });
  });

  it("refuses a streamed body without Content-Length once it passes the limit", async () => {
    const res = await authed(app, echo, {
      ...jsonInit("POST", {}),
      body: chunked(limit * 4),
      duplex: "half",
    } as RequestInit);
    expect(res.status).toBe(413);
    expect((await errorOf(res)).code).toBe("payload_too_large");
  });

  it("gives the agreement register, read whole, its own 16 MiB limit, declared or streamed", async () => {
    const register = testApp(unusedDatabase());
    const path = "/api/v1/agreements/import";
    const csv = { "Content-Type": "text/csv" };
    const declared = await authed(register, path, {
      method: "POST",
      headers: { ...csv, "Content-Length": String(registerImportMaxBytes + 1) },
      body: "a".repeat(registerImportMaxBytes + 1),
    });
    expect(declared.status).toBe(413);
    expect((await errorOf(declared)).message).toMatch(/högst 16777216 byte/);
    const streamed = await authed(register, path, {
      method: "POST",
      headers: csv,
      body: chunked(registerImportMaxBytes + 65_536),
      duplex: "half",
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect((await errorOf(streamed)).code).toBe("payload_too_large");
  });

  describe("over a real socket", () => {
    let server: ReturnType<typeof serve>;
    let port: number;
    beforeAll(async () => {
      server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1", ...nodeServerOptions() });
      await new Promise<void>((resolve) => server.once("listening", () => resolve()));
      port = (server.address() as AddressInfo).port;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it("refuses a chunked body (Transfer-Encoding: chunked, no Content-Length)", async () => {
      const token = await tokenFor(adminScope);
      const status = await new Promise<number>((resolve, reject) => {
        const req = httpRequest(
          {
            host: "127.0.0.1",
            port,
            path: echo,
            method: "POST",
            headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
          },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on("error", reject);
        for (let i = 0; i < 8; i++) req.write(" ".repeat(512));
        req.end();
      });
      expect(status).toBe(413);
    });

    it.each([
      ["with its Content-Length", false],
      ["chunked", true],
    ])(
      "lets a client that sends 20 MB %s before it reads read the 413 in the error shape",
      async (_name, chunkedBody) => {
        const token = await tokenFor(adminScope);
        const bodyBytes = 20 * 1024 * 1024;
        const socket = connect(port, "127.0.0.1");
        await once(socket, "connect");
        const received: Buffer[] = [];
        socket.on("data", (chunk: Buffer) => received.push(chunk));
        const ended = once(socket, "end");
        const length = chunkedBody ? "Transfer-Encoding: chunked" : `Content-Length: ${bodyBytes}`;
        socket.write(
          `POST ${echo} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\n` +
            `Content-Type: application/json\r\n${length}\r\n\r\n`,
        );
        // Paced like an upload over a real network: it goes on well after the answer was sent.
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        const framed = chunkedBody
          ? Buffer.concat([
              Buffer.from(`${chunk.length.toString(16)}\r\n`),
              chunk,
              Buffer.from("\r\n"),
            ])
          : chunk;
        for (let sent = 0; sent < bodyBytes; sent += chunk.length) {
          if (!socket.write(framed)) await once(socket, "drain");
          if ((sent / chunk.length) % 16 === 0) await sleep(50);
        }
        if (chunkedBody) socket.write("0\r\n\r\n");
        // Only now does this client look at the answer; then it says it is done.
        socket.end();
        await ended;
        const answer = Buffer.concat(received).toString("utf8");
        expect(answer).toMatch(/^HTTP\/1\.1 413 /);
        const json = answer.slice(answer.indexOf("\r\n\r\n") + 4);
        expect((JSON.parse(json) as ErrorBody).error.code).toBe("payload_too_large");
        expect(socket.errored).toBeNull();
      },
    );
  });
});

/**
 * Sends `path` a body of `totalBytes` over a raw socket, paced like an upload over a network,
 * and stops as soon as an answer is complete: what it says, and how much had been sent by then.
 */
async function sendUntilAnswered(
  port: number,
  path: string,
  headers: string,
  options: { readonly chunked: boolean; readonly totalBytes: number },
): Promise<{ answer: string; sentWhenAnswered: number | null }> {
  const socket = connect(port, "127.0.0.1");
  await once(socket, "connect");
  let received = Buffer.alloc(0);
  let sent = 0;
  let sentWhenAnswered: number | null = null;
  socket.on("data", (chunk: Buffer) => {
    received = Buffer.concat([received, chunk]);
    if (sentWhenAnswered === null && completeAnswer(received)) sentWhenAnswered = sent;
  });
  socket.on("error", () => {});
  const length = options.chunked
    ? "Transfer-Encoding: chunked"
    : `Content-Length: ${options.totalBytes}`;
  socket.write(`POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${headers}${length}\r\n\r\n`);
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  const framed = options.chunked
    ? Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from("\r\n")])
    : chunk;
  while (sent < options.totalBytes && sentWhenAnswered === null && !socket.destroyed) {
    if (!socket.write(framed)) await Promise.race([once(socket, "drain"), once(socket, "close")]);
    sent += chunk.length;
    if ((sent / chunk.length) % 16 === 0) await sleep(20);
  }
  socket.destroy();
  return { answer: received.toString("utf8"), sentWhenAnswered };
}

/** A status line, headers and as many body bytes as Content-Length says. */
function completeAnswer(received: Buffer): boolean {
  const text = received.toString("latin1");
  const end = text.indexOf("\r\n\r\n");
  if (end === -1) return false;
  const length = /\r\ncontent-length: *(\d+)/i.exec(text.slice(0, end));
  return length !== null && received.length - (end + 4) >= Number(length[1]);
}

describe.each(testDatabases())(
  "413 while the client is still sending, over a socket, on $name",
  (target) => {
    // An upload's body is read only after the caller's role and the installation secret are
    // checked: the database is a real one.
    const database = useMigratedDatabase(target);
    const uploadLimit = 256 * 1024;
    let server: ReturnType<typeof serve>;
    let port: number;
    let auth: string;
    beforeAll(async () => {
      const limited = testApp(database(), {
        extraRoutes: registerProbeRoutes,
        http: { bodyLimitBytes: limit, importMaxBytes: uploadLimit },
      });
      server = serve({
        fetch: limited.fetch,
        port: 0,
        hostname: "127.0.0.1",
        ...nodeServerOptions(),
      });
      await once(server, "listening");
      port = (server.address() as AddressInfo).port;
      auth = `Authorization: Bearer ${await tokenFor(adminScope)}\r\n`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    const totalBytes = 64 * 1024 * 1024;

    it.each([
      ["JSON with its Content-Length", echo, "Content-Type: application/json\r\n", false],
      ["JSON chunked", echo, "Content-Type: application/json\r\n", true],
      [
        "an import upload with its Content-Length",
        "/api/v1/imports?mode=check",
        "Content-Type: multipart/form-data; boundary=x\r\n",
        false,
      ],
      [
        "an import upload chunked",
        "/api/v1/imports?mode=check",
        "Content-Type: multipart/form-data; boundary=x\r\n",
        true,
      ],
    ])(
      "answers %s of 64 MB with 413 in the error shape long before the body is sent",
      async (_name, path, type, chunked) => {
        const { answer, sentWhenAnswered } = await sendUntilAnswered(port, path, auth + type, {
          chunked,
          totalBytes,
        });
        expect(answer).toMatch(/^HTTP\/1\.1 413 /);
        const json = JSON.parse(answer.slice(answer.indexOf("\r\n\r\n") + 4)) as ErrorBody;
        expect(json).toEqual({
          error: { code: "payload_too_large", message: expect.any(String), details: [] },
        });
        // The answer came while the client had most of its body still to send.
        expect(sentWhenAnswered).not.toBeNull();
        expect(sentWhenAnswered ?? totalBytes).toBeLessThan(totalBytes / 8);
      },
    );
  },
);

describe("JSON only", () => {
  it.each([
    ["no Content-Type", {}],
    ["text/plain", { "Content-Type": "text/plain" }],
    ["a form", { "Content-Type": "application/x-www-form-urlencoded" }],
    ["a look-alike", { "Content-Type": "application/jsonp" }],
  ])("refuses a POST with %s with 415", async (_name, headers) => {
    const res = await authed(app, echo, { method: "POST", headers, body: '{"name":"a"}' });
    expect(res.status).toBe(415);
    expect((await errorOf(res)).code).toBe("unsupported_media_type");
  });

  it("accepts JSON with a charset, in any case", async () => {
    const headers = { "Content-Type": "Application/JSON; charset=utf-8" };
    const res = await authed(app, echo, { method: "POST", headers, body: '{"name":"a"}' });
    expect(res.status).toBe(200);
  });

  it("answers malformed JSON with 400 in the error shape", async () => {
    const res = await authed(app, echo, { ...jsonInit("POST", {}), body: '{"name": ' });
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toEqual({
      code: "bad_request",
      message: "Kroppen är inte giltig JSON.",
      details: [],
    });
  });

  it("refuses a JSON string holding NUL with 400 before a route reads it; an escaped \\u0000 is text", async () => {
    const nul = await authed(app, echo, { ...jsonInit("POST", {}), body: '{"name":"a\\u0000b"}' });
    expect(nul.status).toBe(400);
    expect(await errorOf(nul)).toEqual({
      code: "bad_request",
      message: expect.any(String),
      details: [{ path: "body", message: expect.any(String) }],
    });
    const text = await authed(app, echo, jsonInit("POST", { name: "a\\u0000b" }));
    expect(text.status).toBe(200);
    expect(await text.json()).toEqual({ name: "a\\u0000b" });
  });

  it("answers a missing body with 400", async () => {
    const res = await authed(app, echo, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
    });
    expect(res.status).toBe(400);
  });
});

describe("strict bodies", () => {
  it("refuses unknown fields with 400 naming them, so no one sets role or ids through a body", async () => {
    const res = await authed(app, echo, jsonInit("POST", { name: "a", role: "admin", id: 7 }));
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.code).toBe("bad_request");
    expect(JSON.stringify(error.details)).toMatch(/role/);
    expect(JSON.stringify(error.details)).toMatch(/id/);
  });

  it("passes a body with only known fields", async () => {
    const res = await authed(app, echo, jsonInit("POST", { name: "a", note: "b" }));
    expect(await res.json()).toEqual({ name: "a", note: "b" });
  });

  it("refuses to define a route whose body schema lets unknown fields through", () => {
    expect(() => jsonBody(z.object({ name: z.string() }))).toThrow(/strictObject/);
    expect(() => jsonBody(z.looseObject({ name: z.string() }))).toThrow(/strictObject/);
    expect(jsonBody(z.strictObject({ name: z.string() })).required).toBe(true);
  });
});

describe.each(testDatabases())("NUL bytes on $name", (target) => {
  const database = useMigratedDatabase(target);
  const samordnare = testScope("samordnare", ["K0180"], "anna");

  it.each([
    ["an audit log filter", "/api/v1/audit-log?actor=a%00b", adminScope, "actor"],
    ["a case filter", "/api/v1/cases?municipality=a%00b", samordnare, "municipality"],
    ["a parameter's name", "/api/v1/cases?a%00b=1", samordnare, "query"],
    ["the path", "/api/v1/cases/1%00", samordnare, "path"],
  ])("in %s are refused with 400 in the error shape", async (_name, path, scope, field) => {
    const res = await authed(testApp(database()), path, {}, scope);
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toEqual({
      code: "bad_request",
      message: expect.any(String),
      details: [{ path: field, message: expect.any(String) }],
    });
  });

  it("in a token's subject make the token invalid (401), not every audited call fail", async () => {
    const token = await new SignJWT({ role: "admin", orgs: [] })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("a\u0000b")
      .setIssuer(devIssuer)
      .setAudience(devAudience)
      .setIssuedAt()
      .setExpirationTime("1h")
      .sign(devSigningKey(testSecret));
    const res = await testApp(database()).request("/api/v1/audit-log", {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(401);
    expect(await errorOf(res)).toMatchObject({ code: "unauthenticated" });
  });

  it("leave the audit log working for the next caller", async () => {
    expect((await authed(testApp(database()), "/api/v1/audit-log")).status).toBe(200);
  });
});
