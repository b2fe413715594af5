# syntax=docker/dockerfile:1
# The portal as a container: `next build` with standalone output, run as a non-root user.
#
#   docker build -t office-portal .                          the app (runs `node server.js`, port 3000)
#   docker build --target migrate -t office-portal-migrate .  the release step (prisma migrate deploy)
#
# Migrations are not run when the app starts: several instances starting at once must not race
# to migrate. Run the migrate image once per release, before the new app instances:
#   docker run --rm -e DATABASE_URL=postgresql://… office-portal-migrate
# See README, "Deploy".

ARG NODE_IMAGE=node:20-bookworm-slim

# --- dependencies: npm ci compiles better-sqlite3 (its prebuilt download is unreachable behind
# our firewall) and generates both Prisma clients (postinstall). Nothing else is downloaded.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json prisma.config.ts ./
COPY lib/database-url.ts ./lib/database-url.ts
COPY scripts ./scripts
COPY prisma ./prisma
ENV NEXT_TELEMETRY_DISABLED=1
RUN npm ci --no-audit --no-fund

# --- build: the standalone server (.next/standalone/server.js with the node_modules it traces).
FROM deps AS build
COPY . .
RUN NEXT_OUTPUT=standalone npx next build

# --- release step: the Prisma CLI with the WASM schema engine (prisma.config.ts); DATABASE_URL
# picks the migrations folder (PostgreSQL: prisma/postgres/migrations).
FROM deps AS migrate
RUN chown -R node:node /app
USER node
CMD ["npx", "prisma", "migrate", "deploy"]

# --- the app: only the standalone output and the static files, no compilers, no npm cache.
FROM ${NODE_IMAGE} AS app
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0
COPY --from=build --chown=node:node /app/.next/standalone ./
COPY --from=build --chown=node:node /app/.next/static ./.next/static
# The image's own "node" user (uid 1000): the server never runs as root.
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "server.js"]
