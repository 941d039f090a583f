import { access, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { organisationCode } from "@samsyn/domain";
import { describe, expect, it } from "vitest";
import { createDb } from "./client";
import { migrate } from "./migrate";
import { countSummary } from "./queries/summary";
import { organisations } from "./schema";

describe("createDb with PGlite on disk", () => {
  it("keeps its files in <dataDir>/pglite and its data across a restart", async () => {
    const dataDir = join(await mkdtemp(join(tmpdir(), "samsyn-data-")), "nested", "data");
    const first = await createDb({ dataDir });
    expect(first.kind).toBe("pglite");
    await migrate(first);
    await first.db.insert(organisations).values({
      code: organisationCode.parse("region_stockholm"),
      name: "Region Stockholm",
      principalType: "region",
    });
    await first.close();
    await access(join(dataDir, "pglite", "PG_VERSION"));

    const second = await createDb({ dataDir });
    const summary = await countSummary(second.db);
    await second.close();
    // Numbers, not the bigint text that count(*) gives on the wire.
    expect(summary).toStrictEqual({ organisations: 1, units: 0, cases: 0, events: 0 });
  });
});
