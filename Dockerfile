# The API for production: a multi-stage build on Node 20, running as the
# unprivileged `node` user. It holds no Neo4j: give it one with NEO4J_URI
# (see compose.yaml). NOT built or run in this project's CI (no Docker there).
#
#   docker build -t smart-city-graph .
#   docker run -e NEO4J_URI=neo4j://db:7687 -e NEO4J_PASSWORD=… -p 4000:4000 smart-city-graph
#
# The Destatis register is not in the image (the project ships no copy of it): mount the workbook and
# name it, e.g. `-v $PWD/AuszugGV4QAktuell_2024.xlsx:/register.xlsx:ro -e REGISTER_FILE=/register.xlsx`,
# or let the first import download it into REGISTER_CACHE_DIR (see docs/data-import.md).

# 1. Compile TypeScript with all dependencies.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# 2. Only the runtime dependencies.
FROM node:20-bookworm-slim AS runtime-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund

# 3. The image: compiled code, runtime dependencies, the schema (read at start) and the bundled data
#    (imported into an empty database). neo4j/pom.xml only names the Neo4j version; nothing is started.
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000 \
    LOCAL_NEO4J=off
WORKDIR /app
COPY --from=runtime-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY schema ./schema
COPY data ./data
COPY neo4j/pom.xml neo4j/neo4j.conf ./neo4j/
USER node
EXPOSE 4000
# Ready means Neo4j answers and the migrations are applied (GET /ready); curl is not in the slim image.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Exec form: node is PID 1, so `docker stop`'s SIGTERM reaches it and starts the graceful shutdown.
CMD ["node", "--enable-source-maps", "dist/index.js"]
