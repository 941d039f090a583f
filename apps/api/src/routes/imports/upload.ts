import { createWriteStream } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { Busboy, type BusboyInstance } from "@fastify/busboy";
import {
  echoable,
  type InterchangeFile,
  interchangeFileNames,
  interchangeFiles,
  t,
} from "@samsyn/domain";
import { ApiError } from "../../errors";
import { BodyTooLarge } from "../../lib/body";

/** The three files on disk, in a directory only this process can read; `remove` deletes it. */
export interface UploadedFiles {
  readonly dir: string;
  remove(): Promise<void>;
}

type Detail = { path: string; message: string };

const uploadPrefix = "samsyn-upload-";

/**
 * Streams the interchange files of a multipart/form-data body (fields `units`, `cases`,
 * `events`) into a new private temporary directory as `units.csv`, `cases.csv`, `events.csv`,
 * without holding a file in memory. Refuses a missing, repeated or unknown field with 400 and a
 * body past the upload limit with 413; on any refusal the directory is already gone.
 */
export async function receiveInterchangeFiles(
  request: Request,
  root: string = tmpdir(),
): Promise<UploadedFiles> {
  // mkdtemp creates the directory with mode 0700 and the files are 0600: they hold case refs in
  // clear. The pid in the name tells a later start whether the directory's owner is still alive.
  const dir = await mkdtemp(join(root, `${uploadPrefix}${process.pid}-`));
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    await writeParts(request, dir);
    return { dir, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}

/**
 * Removes the upload directories that a killed process left behind (SIGKILL skips `remove`):
 * those whose process is gone, those of this process's own pid (a restart that got the same pid,
 * as in a container), and those named before the pid was (`samsyn-upload-XXXXXX`). Another
 * running Samsyn's uploads are left alone, and so is every other name. Returns the names removed.
 */
export async function removeLeftoverUploads(root: string = tmpdir()): Promise<string[]> {
  const names = await readdir(root).catch(() => []);
  const leftovers = names.filter(isLeftover);
  await Promise.all(
    leftovers.map((name) => rm(join(root, name), { recursive: true, force: true }).catch(() => {})),
  );
  return leftovers;
}

function isLeftover(name: string): boolean {
  if (/^samsyn-upload-[A-Za-z0-9]{6}$/.test(name)) return true;
  const pid = Number(/^samsyn-upload-(\d+)-[A-Za-z0-9]{6}$/.exec(name)?.[1]);
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  return pid === process.pid || !processExists(pid);
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as { code?: unknown }).code === "EPERM";
  }
}

/** More parts than this is not an import: stop reading instead of collecting problems forever. */
const maxParts = 8;

async function writeParts(request: Request, dir: string): Promise<void> {
  const parser = multipartParser(request);
  const received = new Set<InterchangeFile>();
  const problems: Detail[] = [];
  const parts: Readable[] = [];
  const writes: Promise<void>[] = [];
  parser.on("file", (field, stream) => {
    parts.push(stream);
    const file = interchangeFiles.find((f) => f === field);
    if (file === undefined || received.has(file)) {
      problems.push(fieldProblem(field, file === undefined ? "unknown_field" : "repeated_field"));
      stream.resume();
      return;
    }
    received.add(file);
    const target = join(dir, interchangeFileNames[file]);
    writes.push(pipeline(stream, createWriteStream(target, { flags: "wx", mode: 0o600 })));
  });
  parser.on("field", (field) => problems.push(fieldProblem(field, "unknown_field")));
  parser.on("partsLimit", () => problems.push(fieldProblem("", "unknown_field")));
  const failure = await readAll(request, parser, parts, writes);
  if (failure !== undefined) throw asApiError(failure);
  for (const file of interchangeFiles) {
    if (!received.has(file)) {
      problems.push({ path: file, message: t("import.upload.missing_file", { field: file }) });
    }
  }
  if (problems.length > 0) {
    throw new ApiError("bad_request", t("import.upload.bad_request"), problems);
  }
}

/**
 * Feeds the body to the parser and waits for every file to be written. Returns the first
 * failure. A body cut off half-way (too large, a dropped connection) leaves the part being read
 * open, so the parts are destroyed before waiting: otherwise its write would never settle.
 */
async function readAll(
  request: Request,
  parser: BusboyInstance,
  parts: readonly Readable[],
  writes: readonly Promise<void>[],
): Promise<unknown> {
  let failure: unknown;
  try {
    if (request.body !== null) {
      await pipeline(Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>), parser);
    }
  } catch (error) {
    failure = error;
    for (const part of parts) part.destroy();
  }
  const written = await Promise.allSettled(writes);
  return failure ?? written.find((w) => w.status === "rejected")?.reason;
}

function multipartParser(request: Request): BusboyInstance {
  const contentType = request.headers.get("content-type") ?? "";
  try {
    return new Busboy({
      headers: { "content-type": contentType },
      limits: { parts: maxParts, fields: maxParts, files: maxParts, fieldSize: 1024 },
    });
  } catch {
    // No boundary, or not multipart at all (the media type gate let only multipart through).
    throw malformed();
  }
}

/** The field's name is the client's text: repeated only as `echoable` allows. */
function fieldProblem(field: string, problem: "unknown_field" | "repeated_field"): Detail {
  return { path: echoable(field), message: t(`import.upload.${problem}`) };
}

function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof BodyTooLarge) {
    const message = t("http.payload_too_large", { limit: error.limit });
    return new ApiError("payload_too_large", message);
  }
  // Everything else the parser or the stream can throw is a body that is not valid multipart
  // (cut off, a broken boundary). A disk failure would be ours, so it is not hidden as a 400.
  if (isFileSystemError(error)) throw error;
  return malformed();
}

function malformed(): ApiError {
  return new ApiError("bad_request", t("import.upload.malformed"));
}

function isFileSystemError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    typeof code === "string" && /^E[A-Z]+$/.test(code) && code !== "ERR_STREAM_PREMATURE_CLOSE"
  );
}
