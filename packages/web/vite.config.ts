import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { precompress } from "./precompress.ts";

// In development the API runs on :3000 (npm run dev); the build is served by the API server.
export default defineConfig({
  plugins: [react(), precompress()],
  server: { proxy: { "/api": "http://127.0.0.1:3000" } },
  build: { sourcemap: true, chunkSizeWarningLimit: 800 },
});
