import { spawnSync } from "node:child_process";
import { mkdir, mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { receiveInterchangeFiles, removeLeftoverUploads } from "./upload";

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "samsyn-upload-test-"));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("an upload on disk", () => {
  it("is private to this process's user: the directory 0700, its files 0600", async () => {
    const body = new FormData();
    for (const field of ["units", "cases", "events"]) {
      body.append(field, new Blob(["header\n"]), `${field}.csv`);
    }
    const upload = await receiveInterchangeFiles(
      new Request("http://samsyn/api/v1/imports", { method: "POST", body }),
      root,
    );
    try {
      expect(upload.dir).toMatch(new RegExp(`/samsyn-upload-${process.pid}-[A-Za-z0-9]{6}$`));
      expect((await stat(upload.dir)).mode & 0o777).toBe(0o700);
      for (const file of await readdir(upload.dir)) {
        expect((await stat(join(upload.dir, file))).mode & 0o777).toBe(0o600);
      }
    } finally {
      await upload.remove();
    }
  });
});

describe("removeLeftoverUploads", () => {
  it("removes the uploads of processes that are gone, and only those", async () => {
    const exited = spawnSync(process.execPath, ["-e", ""]).pid;
    const names = {
      ofAnExitedProcess: `samsyn-upload-${exited}-Ab12Cd`,
      ofThisPid: `samsyn-upload-${process.pid}-Ab12Cd`,
      fromBeforeThePid: "samsyn-upload-Ab12Cd",
      ofARunningProcess: `samsyn-upload-${process.ppid}-Ab12Cd`,
      notAnUpload: "samsyn-upload-test-Ab12Cd",
    };
    for (const name of Object.values(names))
      await mkdir(join(root, name, "inside"), { recursive: true });

    const removed = await removeLeftoverUploads(root);

    expect(removed.sort()).toEqual(
      [names.ofAnExitedProcess, names.ofThisPid, names.fromBeforeThePid].sort(),
    );
    expect((await readdir(root)).sort()).toEqual(
      [names.ofARunningProcess, names.notAnUpload].sort(),
    );
  });

  it("does nothing when the folder cannot be read", async () => {
    expect(await removeLeftoverUploads(join(root, "missing"))).toEqual([]);
  });
});
