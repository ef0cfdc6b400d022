import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...next,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["warn", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", ignoreRestSiblings: true }],
    },
  },
  { ignores: ["lib/db/generated/**", ".next/**", ".next-*/**", ".e2e/**", "screenshots/**", "data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  {
    // The SCIM protocol core stays framework-free: no Next.js, React or Prisma in lib/scim.
    files: ["lib/scim/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["next", "next/*"], message: "lib/scim is framework-free: no Next.js imports." },
            { group: ["react", "react-dom"], message: "lib/scim is framework-free: no React imports." },
            { group: ["@prisma/*", "@/lib/db/*", "**/generated/**"], message: "lib/scim is framework-free: no Prisma; use the store port." },
            { group: ["@/lib/server/*", "server-only"], message: "lib/scim must not depend on server services." },
          ],
        },
      ],
    },
  },
];

export default config;
