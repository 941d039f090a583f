/// <reference types="vitest/config" />
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Text the browser fetches; images and fonts in these formats are compressed already. */
const compressible = /\.(?:js|mjs|css|html|svg|json|txt|xml|webmanifest)$/;

/**
 * Writes `x.br` and `x.gz` beside every text file of the build, at the highest levels, once:
 * `samsyn serve` sends them as they are (serveStatic `precompressed`), so no request pays for
 * compression and the hashed assets, cached for a year, are as small as they get.
 */
function precompress(): Plugin {
  let outDir = "dist";
  return {
    name: "samsyn-precompress",
    apply: "build",
    configResolved(config) {
      outDir = config.build.outDir.startsWith("/")
        ? config.build.outDir
        : join(config.root, config.build.outDir);
    },
    async closeBundle() {
      const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
      const files = entries
        .filter((e) => e.isFile() && compressible.test(e.name))
        .map((e) => join(e.parentPath, e.name));
      await Promise.all(
        files.map(async (file) => {
          const content = await readFile(file);
          const [br, gz] = await Promise.all([
            brotli(content, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
              },
            }),
            gzipAsync(content, { level: constants.Z_BEST_COMPRESSION }),
          ]);
          await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
        }),
      );
    },
  };
}

export default defineConfig({
  plugins: [react(), precompress()],
  server: {
    // `pnpm dev`: the API runs beside Vite (samsyn serve on 3000).
    proxy: { "/api": "http://127.0.0.1:3000" },
  },
  // exceljs (~930 kB) is its own chunk, loaded only on export; the main bundle stays small.
  build: { outDir: "dist", sourcemap: false, chunkSizeWarningLimit: 1000 },
  // Pages load their code lazily, as in the browser: on a busy machine (CI runs the packages'
  // tests side by side) that took longer than vitest's 5 s default, though nothing was wrong.
  test: { testTimeout: 30_000 },
});
