# syntax=docker/dockerfile:1
# One image for every charbot app. Compose picks the app per service with its command, e.g.
#   node --import tsx apps/message-router/src/main.ts   (the gateway adds --optimize-for-size --max-semi-space-size=1)
# Build: docker build -t charbot:local .   (docker compose build does it for you)

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
COPY packages/conversation/package.json packages/conversation/
COPY packages/core/package.json packages/core/
COPY packages/discord-emulator/package.json packages/discord-emulator/
COPY packages/llm/package.json packages/llm/
COPY packages/ollama-sim/package.json packages/ollama-sim/
COPY packages/testkit/package.json packages/testkit/

# What the apps import at run time. NODE_ENV is not production yet: npm ci reads it.
FROM manifests AS prod-deps
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev

# Every dependency, dev ones included. Used only to take tsx from (see the runtime stage).
FROM manifests AS dev-deps
RUN --mount=type=cache,target=/root/.npm npm ci

FROM base AS runtime
ENV NODE_ENV=production
# There is no build step: the apps are TypeScript run by tsx (`node --import tsx ...`), the same way
# `npm start` and the tests run them. Node's own type stripping can't replace it: the sources import
# `./x.js` for `./x.ts` and use constructor parameter properties. tsx is a root devDependency, so
# `npm ci --omit=dev` leaves it out; rather than ship the dev tools (TypeScript, ESLint, Vitest,
# Playwright...), the runtime takes the production tree and adds tsx with its whole dependency closure
# from the lockfile: esbuild and esbuild's binary for this platform (@esbuild/*, only the matching one
# is installed). test/ops/dockerImage.test.ts checks this list against package-lock.json.
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=dev-deps /app/node_modules/tsx ./node_modules/tsx
COPY --from=dev-deps /app/node_modules/esbuild ./node_modules/esbuild
COPY --from=dev-deps /app/node_modules/@esbuild ./node_modules/@esbuild
# Sources stay owned by root: the apps only read them (tsx caches its transforms in /tmp).
COPY package.json tsconfig.json ./
COPY packages ./packages
COPY apps ./apps
COPY characters ./characters
# The gateway's held-message spool (GATEWAY_SPOOL_DIR); compose mounts a volume here, which takes this ownership.
RUN mkdir -p /app/data/gateway && chown node:node /app/data/gateway

USER node

# Compose sets its own health check per service; this one serves `docker run`. Readiness, over IPv4
# on purpose: the health server binds dual-stack, and `localhost` may resolve to ::1 or 127.0.0.1.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.HEALTH_PORT || 8080) + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# No default app: say which one to run.
CMD ["node", "-e", "console.error('charbot image: run an app, e.g. node --import tsx apps/gateway/src/main.ts (or message-router, quality-control, delivery, llm-service)'); process.exit(64)"]
