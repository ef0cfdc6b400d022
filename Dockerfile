# syntax=docker/dockerfile:1
# The production image: Next.js's standalone output (output: "standalone" in next.config.js) on
# Node 20, run as the unprivileged `node` user. Build once and run the same image on every
# instance: the build id and the key that seals Server Actions come from the build.
#   docker build -t muster .
#   docker run -p 3000:3000 -v muster-data:/app/data muster        (SQLite in the volume)
# compose.yaml runs it on PostgreSQL, two instances behind a proxy (README, "Production").

ARG NODE_IMAGE=node:20-bookworm-slim

# 1. Dependencies, dev ones included (the build needs TypeScript, Tailwind and Prisma's CLI).
#    npm ci's postinstall generates both Prisma clients into lib/db/generated.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
# better-sqlite3 downloads a prebuilt binary; the compiler is for a platform it has none for.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY scripts/prisma-generate.mjs ./scripts/prisma-generate.mjs
RUN npm ci --no-audit --no-fund

# 2. The build: .next/standalone holds server.js with the traced node_modules (native modules
#    included) and the migrations; .next/static the browser's assets.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY --from=deps /app/lib/db/generated ./lib/db/generated
COPY . .
RUN npx next build

# 3. The runtime: only the standalone server, its static assets and a data folder.
#    (There is no public/ folder; add `COPY --from=build /app/public ./public` if one appears.)
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    MUSTER_DATA_DIR=/app/data \
    DATABASE_URL=file:/app/data/muster.db \
    NEXT_MANUAL_SIG_HANDLE=true
# The code belongs to root and is read-only for the app; it writes only to its data and cache.
COPY --from=build /app/.next/standalone ./
COPY --from=build /app/.next/static ./.next/static
RUN mkdir -p /app/data /app/.next/cache && chown node:node /app/data /app/.next/cache
USER node
VOLUME ["/app/data"]
EXPOSE 3000
# Readiness (database, migrations, outbox worker); node's own fetch, so the image needs no curl.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# SIGTERM drains the instance (README, "Graceful shutdown"); give it MUSTER_SHUTDOWN_TIMEOUT_MS.
STOPSIGNAL SIGTERM
CMD ["node", "server.js"]
