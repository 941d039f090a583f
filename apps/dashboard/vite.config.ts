import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [react()],
  server: {
    // `pnpm dev`: the API runs beside Vite (samsyn serve on 3000).
    proxy: { "/api": "http://127.0.0.1:3000" },
  },
  // exceljs (~930 kB) is its own chunk, loaded only on export; the main bundle stays small.
  build: { outDir: "dist", sourcemap: false, chunkSizeWarningLimit: 1000 },
});
