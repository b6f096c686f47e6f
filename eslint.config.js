// @ts-check
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

/** Import boundaries (docs/architecture.md): imports point inward. */
const boundaries = {
  "packages/domain/**": [
    "@it-atlas/db",
    "@it-atlas/db/*",
    "@it-atlas/server",
    "@it-atlas/web",
    "@it-atlas/cli",
    "pg",
    "fastify",
    "react",
    "@electric-sql/*",
    "@it-atlas/solver",
  ],
  "packages/solver/**": [
    "@it-atlas/db",
    "@it-atlas/db/*",
    "@it-atlas/server",
    "@it-atlas/web",
    "@it-atlas/cli",
    "pg",
    "fastify",
    "react",
    "@electric-sql/*",
  ],
  "packages/db/**": [
    "@it-atlas/server",
    "@it-atlas/solver",
    "@it-atlas/web",
    "@it-atlas/cli",
    "fastify",
    "react",
  ],
  "packages/server/**": ["@it-atlas/web", "@it-atlas/cli", "react", "pg", "@electric-sql/*"],
  "packages/web/**": [
    "@it-atlas/solver",
    "@it-atlas/db",
    "@it-atlas/db/*",
    "@it-atlas/server",
    "@it-atlas/cli",
    "pg",
    "fastify",
    "@electric-sql/*",
  ],
  "packages/cli/**": ["@it-atlas/web", "react"],
};

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/dist/**",
      ".atlas-data/**",
      ".atlas-test/**",
      "packages/web/src/api/schema.gen.ts",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "no-console": "error",
      "no-restricted-syntax": [
        "error",
        { selector: "ExportDefaultDeclaration", message: "Nur benannte Exporte (STYLE.md)." },
      ],
    },
  },
  ...Object.entries(boundaries).map(([files, forbidden]) => ({
    files: [files],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: forbidden.map((group) => ({
            group: [group],
            message: "Verletzt die Importgrenzen (docs/architecture.md).",
          })),
        },
      ],
    },
  })),
  {
    // Tests inspect JSON responses and use asymmetric matchers (expect.any), which are `any`.
    files: ["**/*.test.ts", "**/*.test.tsx", "e2e/**/*.ts"],
    rules: {
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/require-await": "off",
    },
  },
  {
    // Tools require default exports in their config files.
    files: ["**/vite.config.ts", "vitest.config.ts", "eslint.config.js", "**/*.d.ts"],
    rules: { "no-restricted-syntax": "off" },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    ...tseslint.configs.disableTypeChecked,
  },
);
