import { describe, expect, it } from "vitest";
import type { Label } from "../catalogues";
import {
  type ImportErrorCode,
  type ImportNoticeCode,
  importErrorCodes,
  importNoticeCodes,
} from "../interchange";
import { importMessages } from "./import";

// Checked by `pnpm typecheck`: an import error code without its reason fails to compile. Here and
// not in import.ts, where it made the catalogue import the interchange rules (a cycle).
importMessages satisfies Record<`import.error.${ImportErrorCode}`, Label> &
  Record<`import.notice.${ImportNoticeCode}`, Label>;

describe("the import messages", () => {
  it("give a reason for every import error code", () => {
    for (const code of importErrorCodes) {
      expect(importMessages).toHaveProperty([`import.error.${code}`, "sv"]);
    }
    for (const code of importNoticeCodes) {
      expect(importMessages).toHaveProperty([`import.notice.${code}`, "sv"]);
    }
  });
});
