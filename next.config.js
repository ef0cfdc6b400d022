/** @type {import("next").NextConfig} */
const nextConfig = {
  // Native modules and the Prisma runtime are loaded by Node, not bundled.
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "@prisma/client", "pg"],
  poweredByHeader: false,
  // Parallel work (and parallel CI jobs) can build into separate folders.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  typedRoutes: false,
  // Lint and type-check run in `npm test`, not in every build.
  typescript: { ignoreBuildErrors: false },
};

export default nextConfig;
