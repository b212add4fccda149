import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

/** The engine is pure TypeScript: no framework, database or I/O imports may reach it. */
const engineBoundary = {
  files: ["src/engine/**/*.ts"],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          { group: ["react", "react-dom", "next", "next/*", "next-auth", "next-auth/*"], message: "src/engine imports no UI framework." },
          { group: ["@trpc/*", "@prisma/*", "~/server/*", "~/components/*", "~/app/*", "~/trpc/*"], message: "src/engine imports no server, transport or database code." },
          { group: ["node:*", "fs", "path", "child_process", "http", "https", "net"], message: "src/engine does no I/O." },
        ],
      },
    ],
  },
};

/** User text is never executed as code. */
const noDynamicCode = {
  files: ["src/**/*.{ts,tsx}"],
  rules: { "no-eval": "error", "no-implied-eval": "error", "no-new-func": "error" },
};

const config = [
  { ignores: [".next/**", ".next-*/**", "node_modules/**", "src/server/db/generated/**", "test-results/**", "next-env.d.ts"] },
  ...nextVitals,
  ...nextTypescript,
  engineBoundary,
  noDynamicCode,
  {
    rules: {
      "@typescript-eslint/consistent-type-imports": ["warn", { prefer: "type-imports", fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", ignoreRestSiblings: true }],
    },
  },
];

export default config;
