# One image for every charbot app, compiled to JavaScript. Compose picks the app per service with its command, e.g.
#   node --conditions=charbot-dist apps/message-router/dist/main.js   (the gateway adds --optimize-for-size --max-semi-space-size=1)
# Build: docker build -t charbot:local .   (docker compose build does it for you)
# Needs BuildKit (RUN --mount); its built-in Dockerfile frontend suffices, so no `# syntax=` line: that would pull a
# frontend image from Docker Hub on every build, which fails offline.

ARG NODE_VERSION=24

FROM node:${NODE_VERSION}-bookworm-slim AS base
WORKDIR /app
ENV NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false

# The lockfile and every workspace's manifest, nothing else: the install layers below stay cached
# until a dependency changes. npm ci needs every workspace listed in package-lock.json.
FROM base AS manifests
COPY package.json package-lock.json .npmrc ./
COPY apps/delivery/package.json apps/delivery/
COPY apps/gateway/package.json apps/gateway/
COPY apps/launcher/package.json apps/launcher/
COPY apps/llm-service/package.json apps/llm-service/
COPY apps/message-router/package.json apps/message-router/
COPY apps/quality-control/package.json apps/quality-control/
COPY packages/characters/package.json packages/characters/
COPY packages/contracts/package.json packages/contracts/
COPY packages/stores/package.json packages/stores/
COPY packages/core/package.json packages/core/
COPY packages/discord-emulator/package.json packages/discord-emulator/
COPY packages/images/package.json packages/images/
COPY packages/llm/package.json packages/llm/
COPY packages/ollama-sim/package.json packages/ollama-sim/
COPY packages/testkit/package.json packages/testkit/

# Every dependency, dev ones included: TypeScript compiles the workspaces here and nowhere else.
FROM manifests AS build
RUN --mount=type=cache,target=/root/.npm npm ci
COPY tsconfig.json tsconfig.workspace.json tsconfig.build.json ./
COPY packages ./packages
COPY apps ./apps
# One-off maintenance run from this stage with tsx (docs/runbook.md, "Upgrade to hash-tagged keys"); the runtime has none.
COPY scripts/tagRedisKeys.ts ./scripts/
COPY scripts/redisKeys ./scripts/redisKeys
# `npm run build` is `tsc -b tsconfig.build.json`: each production workspace compiles its src/ to dist/.
# Then /out gathers what the runtime needs of each built workspace, its package.json and dist/, so a
# workspace added to tsconfig.build.json ships without a change here.
RUN npm run build \
    && for dist in apps/*/dist packages/*/dist; do \
         mkdir -p "/out/${dist%/dist}" && cp -r "$dist" "${dist%/dist}/package.json" "/out/${dist%/dist}/"; \
       done \
    && find /out -name '*.tsbuildinfo' -delete

# What the apps import at run time. NODE_ENV is not production yet: npm ci reads it. TypeScript comes
# along as valibot's optional peer (devOptional in the lockfile, which --omit=dev keeps); nothing
# imports it at run time, so it goes.
FROM manifests AS prod-deps
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev \
    && rm -rf node_modules/typescript node_modules/.bin/tsc node_modules/.bin/tsserver

FROM base AS runtime
ENV NODE_ENV=production
# The apps run as compiled JavaScript: no tsx, esbuild or TypeScript in the image, and no sources.
# Each package's package.json sends `@charbot/*` imports to ./dist/index.js under the condition
# `charbot-dist` (to ./src/index.ts otherwise, for tsx, vitest and tsc in development); compose and the
# start:* scripts pass --conditions=charbot-dist, and NODE_OPTIONS passes it to any other `node` run here.
ENV NODE_OPTIONS=--conditions=charbot-dist
# The production install; its @charbot/* links point at the workspaces copied next.
COPY --from=prod-deps /app/node_modules ./node_modules
# Owned by root: the apps only read them.
COPY package.json ./
COPY --from=build /out/ ./
COPY characters ./characters
# The gateway's held-message spool (GATEWAY_SPOOL_DIR); compose mounts a volume here, which takes this ownership.
RUN mkdir -p /app/data/gateway && chown node:node /app/data/gateway

USER node

# Compose sets its own health check per service; this one serves `docker run`. Readiness, over IPv4
# on purpose: the health server binds dual-stack, and `localhost` may resolve to ::1 or 127.0.0.1.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.HEALTH_PORT || 8080) + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# No default app: say which one to run.
CMD ["node", "-e", "console.error('charbot image: run an app, e.g. node apps/gateway/dist/main.js (or message-router, quality-control, delivery, llm-service)'); process.exit(64)"]
