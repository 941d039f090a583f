import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type ServerOptions,
  STATUS_CODES,
} from "node:http";
import type { Duplex } from "node:stream";
import type { Env } from "../env";
import { type ErrorCode, errorBody, errorStatuses } from "../errors";

/** The HTTP guards' numbers (SPEC "HTTP API", issue 4). */
export interface HttpSettings {
  readonly bodyLimitBytes: number;
  /** The body of an upload (the interchange files of an import), streamed to disk. */
  readonly importMaxBytes: number;
  readonly rateLimitPerMinutePerToken: number;
  readonly rateLimitPerMinutePerIp: number;
  /**
   * Metric reads per minute per user, below the general limit: an attacker who averages many
   * perturbed answers needs many reads, and each one is audited (SPEC "Differencing").
   */
  readonly metricRateLimitPerMinutePerUser: number;
  /** Believe X-Forwarded-For and X-Forwarded-Proto (only behind our own reverse proxy). */
  readonly trustProxy: boolean;
}

export const defaultHttpSettings: HttpSettings = {
  bodyLimitBytes: 1_048_576,
  importMaxBytes: 536_870_912,
  rateLimitPerMinutePerToken: 600,
  // Several people behind one office NAT share an address.
  rateLimitPerMinutePerIp: 1_200,
  // A dashboard page asks for a handful of metrics: 300 a minute is a page every second.
  metricRateLimitPerMinutePerUser: 300,
  trustProxy: false,
};

export function httpSettingsFromEnv(env: Env): HttpSettings {
  return {
    bodyLimitBytes: env.SAMSYN_BODY_LIMIT_BYTES,
    importMaxBytes: env.SAMSYN_IMPORT_MAX_BYTES,
    rateLimitPerMinutePerToken: env.SAMSYN_RATE_LIMIT_PER_MINUTE,
    rateLimitPerMinutePerIp:
      env.SAMSYN_IP_RATE_LIMIT_PER_MINUTE ?? 2 * env.SAMSYN_RATE_LIMIT_PER_MINUTE,
    metricRateLimitPerMinutePerUser:
      env.SAMSYN_METRIC_RATE_LIMIT_PER_MINUTE ??
      Math.max(1, Math.floor(env.SAMSYN_RATE_LIMIT_PER_MINUTE / 2)),
    trustProxy: env.SAMSYN_TRUST_PROXY,
  };
}

/**
 * How `samsyn serve` runs Node's HTTP server: spread into @hono/node-server's `serve` options.
 * Both changes are about the same thing: a client must be able to read the error it is given,
 * also one that sends its whole request before it reads (many do). A socket closed with data
 * still arriving makes the kernel answer with a reset, and the client loses the answer with it.
 */
export function nodeServerOptions() {
  return {
    // Its clean-up of an unread body gives up after 500 ms: a 20 MB upload then never sees its
    // 413. `discardUnreadBody` does that work instead, with room for a real upload.
    autoCleanupIncoming: false,
    createServer: guardedServer,
  };
}

/** A body still arriving after its answer is read and dropped for this long at most, … */
const lingerMs = 30_000;
/** … and this much (twice the largest upload `SAMSYN_IMPORT_MAX_BYTES` allows by default). */
const lingerBytes = 1024 * 1024 * 1024;
/** A refused request head (431) is let finish this long before its socket is closed. */
const headLingerMs = 5_000;

const guardedServer = ((options: ServerOptions, listener: RequestListener) => {
  const server = createServer(options, (req, res) => {
    res.once("finish", () => {
      if (!req.complete) discardUnreadBody(req);
    });
    listener(req, res);
  });
  server.on("clientError", answerClientError);
  return server;
}) as typeof createServer;

/**
 * Reads and drops what is left of a body once its answer is sent (413, or 401 to an upload), so
 * that the client can finish sending and then read the answer; the connection stays usable.
 * Node does this itself only for a body nobody began to read, and without a bound.
 */
function discardUnreadBody(req: IncomingMessage): void {
  let bytes = 0;
  const stop = () => req.socket.destroy();
  const timer = setTimeout(stop, lingerMs);
  timer.unref();
  // Whoever began to read (the app's body stream) is done with it: its listener would buffer.
  req.removeAllListeners("data");
  req.on("data", (chunk: Buffer) => {
    bytes += chunk.length;
    if (bytes > lingerBytes) stop();
  });
  // Once the body has ended, the connection may carry the client's next request: no cut then.
  req.once("end", () => clearTimeout(timer));
  req.once("close", () => clearTimeout(timer));
  req.resume();
}

/** llhttp repeats a parse error for every later chunk of the same socket: answered once. */
const answered = new WeakSet<Duplex>();

/**
 * Node answers a request head it cannot parse (longer than `maxHeaderSize`, 16 KiB, or
 * malformed) with a bare status line and destroys the socket at once: a client still sending a
 * 210 KB query string got a reset, or a 431 without a body. This answers in the error shape and
 * closes the socket only once the client has sent what it had, or after `headLingerMs`.
 */
function answerClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (answered.has(socket)) return;
  answered.add(socket);
  if (err.code === "ECONNRESET" || !socket.writable) {
    socket.destroy();
    return;
  }
  const code: ErrorCode =
    err.code === "HPE_HEADER_OVERFLOW"
      ? "request_header_too_large"
      : err.code === "ERR_HTTP_REQUEST_TIMEOUT"
        ? "request_timeout"
        : "bad_request";
  const status = errorStatuses[code];
  const body = JSON.stringify(errorBody(code));
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
      "Content-Type: application/json\r\nX-Content-Type-Options: nosniff\r\n" +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
  const timer = setTimeout(() => socket.destroy(), headLingerMs);
  timer.unref();
  socket.once("end", () => socket.destroy());
  socket.once("close", () => clearTimeout(timer));
  socket.resume();
}
