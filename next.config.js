// Sent on every response, pages and API alike. HSTS is not here: the app may be served over plain
// http (locally, or behind a TLS-terminating proxy), so the https reverse proxy sends it (README).
const securityHeaders = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // Muster needs no device or sensor: deny them to this origin and anything it embeds.
  {
    key: "Permissions-Policy",
    value: "accelerometer=(), autoplay=(), browsing-topics=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), hid=(), magnetometer=(), microphone=(), midi=(), payment=(), serial=(), usb=()",
  },
];

// JSON never loads anything. Pages get their own policy, with a per-request nonce, from proxy.ts.
const apiCsp = "default-src 'none'; frame-ancestors 'none'";

/** @type {import("next").NextConfig} */
const nextConfig = {
  // `node .next/standalone/server.js` runs the app from only the files it needs (the Docker image).
  output: "standalone",
  // Read from disk at runtime, so the tracer cannot see them: the migrations boot applies
  // (lib/db/migrate.ts) travel with every server entry.
  outputFileTracingIncludes: { "/**": ["./prisma/*/migrations/**/*"] },
  // Native modules and the Prisma runtime are loaded by Node, not bundled.
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "@prisma/client", "pg"],
  poweredByHeader: false,
  // Parallel work (and parallel CI jobs) can build into separate folders.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  typedRoutes: false,
  // Lint and type-check run in `npm test`, not in every build.
  typescript: { ignoreBuildErrors: false },
  headers: async () => [
    { source: "/:path*", headers: securityHeaders },
    { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: apiCsp }] },
  ],
};

export default nextConfig;
