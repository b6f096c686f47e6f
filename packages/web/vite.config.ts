import react from "@vitejs/plugin-react";
import type { Plugin } from "postcss";
import { defineConfig } from "vite";
import { precompress } from "./precompress.ts";

/**
 * KERN's @font-face rules name no `font-display`, so text stays invisible until Fira Sans has
 * loaded and then re-flows (the header's navigation wraps differently): a layout shift of up to
 * 0.7 on the desktop (Lighthouse, bench/lighthouse.ts). `optional` uses the font only when it is
 * there at first paint (hashed, cached for a year, so from the second visit on) and never
 * swaps afterwards.
 */
const fontDisplayOptional: Plugin = {
  postcssPlugin: "atlas-font-display-optional",
  AtRule: {
    "font-face": (rule) => {
      const declared = (rule.nodes ?? []).some(
        (node) => node.type === "decl" && node.prop === "font-display",
      );
      if (!declared) rule.append({ prop: "font-display", value: "optional" });
    },
  },
};

// In development the API runs on :3000 (npm run dev); the build is served by the API server.
export default defineConfig({
  plugins: [react(), precompress()],
  css: { postcss: { plugins: [fontDisplayOptional] } },
  server: { proxy: { "/api": "http://127.0.0.1:3000" } },
  build: { sourcemap: true, chunkSizeWarningLimit: 800 },
});
