/**
 * Which way imports may point (STYLE "The shape of the house"), checked by `pnpm depcruise` as
 * part of `pnpm lint`. Two kinds of rule: between workspace packages (a package imports only
 * the ones below it) and inside a package (its folders are layers; a file imports its own layer
 * or a lower one, never a higher one). `pnpm depcruise:graph` prints the folder graph.
 */

/** Every workspace package by folder, and the packages each may import (itself always). */
const packages = {
  "packages/domain": [],
  "packages/db": ["packages/domain"],
  "packages/demo-data": ["packages/domain"],
  // The dashboard reaches the API only through `import type { AppType }` (rule below).
  "apps/api": ["packages/db", "packages/demo-data", "packages/domain"],
  "apps/dashboard": ["apps/api", "packages/domain"],
  "tooling/bench": ["apps/api", "packages/db", "packages/demo-data", "packages/domain"],
  tests: ["apps/api", "apps/dashboard", "packages/db", "packages/demo-data", "packages/domain"],
};

/**
 * Layers inside a package, lowest first: a file may import files of its own layer or lower.
 * Tests (`*.test.ts`) sit beside the code and may import upwards (test support lives at the top).
 */
const layers = {
  "packages/db/src": [
    ["env.ts", "postgres-socket.ts", "ref-hash.ts", "schema/"],
    ["client.ts"],
    ["audit/"],
    // Reads: (db, scope, params).
    ["queries/"],
    // Writes, one file per operation: load state, decide, write, audit, in one transaction.
    ["operations/"],
    // The bulk write path and the migrations, which refresh derived tables through queries/.
    ["import/", "migrate.ts"],
    ["index.ts", "testing/"],
  ],
  "apps/api/src": [
    ["env.ts", "errors.ts", "secret.ts"],
    ["lib/"],
    ["auth/"],
    ["routes/"],
    ["app.ts", "index.ts"],
    ["cli/", "testing/"],
  ],
};

/**
 * The dashboard's layers, reported as warnings: `components/Nav.tsx` and `components/Shell.tsx`
 * read the page list from `pages/routes.ts`, which the router rework (issue 16) replaces. Raise
 * to "error" once no component imports a page.
 */
const dashboardLayers = [
  ["session.ts", "lib/", "api/"],
  ["components/"],
  ["pages/"],
  ["App.tsx", "DevSignIn.tsx", "main.tsx"],
];

const tests = "\\.test\\.tsx?$";
const literal = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const under = (root, entries) =>
  `^${literal(root)}/(${entries.map((e) => literal(e) + (e.endsWith("/") ? "" : "$")).join("|")})`;

function packageRules() {
  const all = Object.keys(packages);
  return Object.entries(packages).map(([from, allowed]) => ({
    name: `package-${from.replace("/", "-")}`,
    comment: `${from} may import only ${[from, ...allowed].join(", ")}`,
    severity: "error",
    from: { path: `^${literal(from)}/` },
    to: {
      path: `^(${all
        .filter((p) => p !== from && !allowed.includes(p))
        .map(literal)
        .join("|")})/`,
    },
  }));
}

function layerRules(root, stack, severity) {
  return stack.slice(0, -1).map((layer, i) => ({
    name: `no-upward-${root.split("/")[1]}-${layer[0].replace(/\.tsx?$|\/$/, "")}`,
    comment: `${layer.join(", ")} in ${root} must not import the layers above it`,
    severity,
    from: { path: under(root, layer), pathNot: tests },
    to: { path: under(root, stack.slice(i + 1).flat()) },
  }));
}

// biome-ignore lint/style/noDefaultExport: dependency-cruiser reads its configuration from the default export
export default {
  forbidden: [
    {
      name: "no-circular",
      comment: "A cycle means two modules are one room; merge them or move what both need down.",
      severity: "error",
      from: {},
      // A lazily loaded page (route.ts → import("./Page")) that reads its own route's typed
      // search is TanStack Router's pattern, not one room: cycles through a dynamic import pass.
      to: { circular: true, viaOnly: { dependencyTypesNot: ["dynamic-import"] } },
    },
    {
      name: "no-unresolvable",
      comment: "An import of a package the importer does not declare (pnpm links only those).",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: "sql-only-in-db",
      comment:
        "SQL, scope and audit live in db (ADR 0007): no other package uses drizzle or a driver.",
      severity: "error",
      from: { pathNot: "^packages/db/" },
      to: { path: "(^|/)node_modules/(drizzle-orm|postgres|@electric-sql/pglite)/" },
    },
    {
      name: "domain-no-io",
      comment: "The domain is pure: no Node module (files, network, clock, environment).",
      severity: "error",
      from: { path: "^packages/domain/" },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "dashboard-api-types-only",
      comment: "The dashboard takes only types from the API (AppType): no server code in a bundle.",
      severity: "error",
      from: { path: "^apps/dashboard/" },
      to: { path: "^apps/api/", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "testing-only-in-tests",
      comment: "Test support (testing/) is for tests; production code must not depend on it.",
      severity: "error",
      from: { path: "^(packages|apps|tooling)/[^/]+/src/", pathNot: `${tests}|/src/testing/` },
      to: { path: "/src/testing/" },
    },
    ...packageRules(),
    ...Object.entries(layers).flatMap(([root, stack]) => layerRules(root, stack, "error")),
    ...layerRules("apps/dashboard/src", dashboardLayers, "error"),
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "/dist/" },
    // Type-only imports are dependencies too: an upward `import type` is still a wrong room.
    tsPreCompilationDeps: true,
    combinedDependencies: true,
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      mainFields: ["module", "main", "types", "typings"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"],
    },
  },
};
