# syntax=docker/dockerfile:1
# online-interview: WHIP ingest (mediasoup) → FFmpeg → HLS, one container.
#   docker build -t online-interview .
#   docker run -p 8080:8080 -p 40000-40100:40000-40100/udp \
#     -e OI_WEBRTC_ANNOUNCED_IP=<address cameras reach> -v oi-data:/var/lib/online-interview online-interview

# ---- build: mediasoup worker from source against Debian's libraries, npm deps, tsc + web bundle ----
FROM node:24-bookworm-slim AS build
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
ENV DEBIAN_FRONTEND=noninteractive

# Worker build dependencies; meson >= 1.1 comes from bookworm-backports (bookworm has 1.0.1).
RUN echo 'deb http://deb.debian.org/debian bookworm-backports main' > /etc/apt/sources.list.d/bookworm-backports.list \
 && apt-get update \
 && apt-get install -y --no-install-recommends \
      build-essential pkg-config ninja-build python3 \
      libuv1-dev libssl-dev libsrtp2-dev libabsl-dev libflatbuffers-dev flatbuffers-compiler libusrsctp-dev \
 && apt-get install -y --no-install-recommends -t bookworm-backports meson \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app

# The worker first: this layer only changes with the build script and its subproject stand-ins.
COPY scripts/build-mediasoup-worker.sh scripts/
COPY scripts/mediasoup-worker/ scripts/mediasoup-worker/
RUN bin="$(OI_CACHE_DIR=/tmp/oi-cache bash scripts/build-mediasoup-worker.sh | tail -n1)" \
 && install -D -m 0755 "$bin" /opt/mediasoup-worker \
 && rm -rf /tmp/oi-cache

COPY package.json package-lock.json ./
# mediasoup's postinstall (prebuilt download) is skipped when MEDIASOUP_WORKER_BIN is set; argon2 compiles against
# the image's own Node headers (--nodedir), not headers downloaded from nodejs.org.
RUN MEDIASOUP_WORKER_BIN=/opt/mediasoup-worker npm ci --no-audit --no-fund --nodedir=/usr/local

COPY . .
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund \
 && install -D -m 0755 /opt/mediasoup-worker node_modules/mediasoup/worker/out/Release/mediasoup-worker

# ---- runtime ----
FROM node:24-bookworm-slim
ENV DEBIAN_FRONTEND=noninteractive
# ffmpeg, plus the shared libraries the worker links (ldd): OpenSSL 3, libuv, libsrtp2, usrsctp, abseil.
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      ffmpeg libssl3 libuv1 libsrtp2-1 libusrsctp2 libabsl20220623 \
 && rm -rf /var/lib/apt/lists/*

# Non-root: embedded PostgreSQL refuses to run as root.
RUN groupadd --system oi \
 && useradd --system --gid oi --home-dir /var/lib/online-interview --shell /usr/sbin/nologin oi \
 && install -d -o oi -g oi -m 0750 /var/lib/online-interview

WORKDIR /app
# package.json: "type": "module", and the server finds dist/web next to it.
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist

ENV NODE_ENV=production \
    OI_DATA_DIR=/var/lib/online-interview \
    MEDIASOUP_WORKER_BIN=/app/node_modules/mediasoup/worker/out/Release/mediasoup-worker
USER oi
VOLUME ["/var/lib/online-interview"]
# HTTP (API, pages, WHIP, HLS) and the WebRTC media ports (rtcMinPort..rtcMaxPort).
EXPOSE 8080/tcp
EXPOSE 40000-40100/udp
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.OI_PORT || 8080) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/server/main.js"]
