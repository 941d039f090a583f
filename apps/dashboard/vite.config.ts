import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [react()],
  server: {
    // `pnpm dev`: the API runs beside Vite (samsyn serve on 3000).
    proxy: { "/api": "http://127.0.0.1:3000" },
  },
  build: { outDir: "dist", sourcemap: false },
});
