/**
 * Benchmark: glass-to-glass latency, publisher's picture → the viewer's screen, through the real paths.
 *
 * Starts the whole server on loopback (embedded PostgreSQL, mediasoup, FFmpeg). In headless Chromium:
 *  - the publisher page runs the studio component (<interview-studio>, 开始推流, WHIP) with its camera replaced by a
 *    1280×720 canvas stream on which the current time (Date.now) is drawn 30 times a second as two rows of black and
 *    white blocks (scripts/bench/timeCode.ts: OCR-free, and a misread is discarded, never counted);
 *  - the viewer is the public element (<online-interview>: hls.js with the project's player settings, as on a portal)
 *    playing the interview. Every 50 ms it draws the video's current picture onto a canvas and reads the blocks back.
 * Both are in one page: Chromium throttles the timers of a tab in the background to once a second (then once a
 * minute), which would freeze the publisher's clock while the viewer's tab is in front.
 * latency = Date.now() − the time drawn in the picture the viewer shows (one clock). After a warm-up it is sampled for --seconds (default 30); median and p90.
 *
 * Where the time goes, measured in the same run:
 *  - newest_segment_age_ms: when a segment appears in the playlist (polled every 100 ms), how old its last picture
 *    already is: browser capture and encode, WebRTC, mediasoup, FFmpeg and the segment write;
 *  - player_buffer_ms: how far behind the newest media it has downloaded the player plays (video.buffered end −
 *    currentTime): the player's live sync choice;
 *  - the rest is the wait for a segment to be complete (up to one segment) and for the player's next playlist poll.
 *
 * Options: --seconds N (default 30), --warmup-seconds N (default 10), --segment-seconds N (the hlsSegmentSeconds
 * setting, default the server's default). Prints one JSON line; diagnostics on stderr. Run: npm run bench:latency
 * (after npm run build: the pages load dist/web).
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { findFfmpeg } from '../../media/pipelines/findFfmpeg.js';
import { launchChromium } from '../../test/helpers/chromium.js';
import { startBenchServer } from './benchServer.js';
import { loadAverage } from './machine.js';
import { BITS, ROW_SHARE, readTimeCode, timeOfCode } from './timeCode.js';

const { values: options } = parseArgs({
  options: {
    seconds: { type: 'string', default: '30' },
    'warmup-seconds': { type: 'string', default: '10' },
    'segment-seconds': { type: 'string' },
  },
});
const SECONDS = positive('--seconds', options.seconds);
const WARMUP_SECONDS = positive('--warmup-seconds', options['warmup-seconds']);
const SEGMENT_SECONDS = options['segment-seconds'] === undefined ? undefined : positive('--segment-seconds', options['segment-seconds']);
const TARGET_MS = 3000;
/** Each block is read as the mean of the middle of an 8 × 8 cell of the top band scaled to (BITS·8) × 16. */
const CELL = 8;
const log = (message: string, extra: Record<string, unknown> = {}) => process.stderr.write(`${JSON.stringify({ message, ...extra })}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Publisher page: a canvas with the time code (and a moving bar and clock, so the encoder sees a changing picture),
 * handed to the studio component in place of the camera. A string, so it reaches the page exactly as written
 * (tsx would wrap inner functions of a function in __name calls the page lacks); run with page.evaluate, never
 * waitForFunction, whose string form the pages' CSP (no unsafe-eval) refuses.
 */
const PUBLISHER_SCRIPT = `(() => {
  const W = 1280, H = 720, BITS = ${BITS}, ROW = H * ${ROW_SHARE};
  const canvas = document.createElement('canvas');
  canvas.width = W;
  canvas.height = H;
  const ctx = canvas.getContext('2d');
  let frame = 0;
  const draw = () => {
    const now = Date.now();
    const code = now % 4294967296;
    ctx.fillStyle = '#3a5f8a';
    ctx.fillRect(0, 0, W, H);
    ctx.fillStyle = '#d0a040';
    ctx.fillRect((frame * 8) % W, 2 * ROW + 40, 160, H - 2 * ROW - 80);
    ctx.fillStyle = '#ffffff';
    ctx.font = '64px sans-serif';
    ctx.fillText(new Date(now).toISOString().slice(11, 23), 60, H / 2);
    const bw = W / BITS;
    for (let i = 0; i < BITS; i++) {
      const one = Math.floor(code / 2 ** (BITS - 1 - i)) % 2 === 1;
      ctx.fillStyle = one ? '#ffffff' : '#000000';
      ctx.fillRect(i * bw, 0, bw, ROW);
      ctx.fillStyle = one ? '#000000' : '#ffffff';
      ctx.fillRect(i * bw, ROW, bw, ROW);
    }
    frame++;
  };
  draw();
  setInterval(draw, 1000 / 30);
  const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
  navigator.mediaDevices.getUserMedia = async (constraints) => {
    const audio = constraints && constraints.audio ? (await original({ audio: constraints.audio })).getAudioTracks() : [];
    return new MediaStream([...canvas.captureStream(30).getVideoTracks(), ...audio]);
  };
})()`;

/** Viewer page: every 50 ms, the luma of each block of the picture shown now, with the time and the player's buffer. */
const VIEWER_SCRIPT = `(() => {
  const find = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (el instanceof HTMLVideoElement) return el;
      if (el.shadowRoot) { const found = find(el.shadowRoot); if (found) return found; }
    }
    return null;
  };
  const samples = [];
  window.__latencySamples = samples;
  const W = ${BITS * CELL}, H = ${2 * CELL};
  const canvas = document.createElement('canvas');
  canvas.width = W;
  canvas.height = H;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  let video = null;
  setInterval(() => {
    const at = Date.now();
    const player = document.querySelector('online-interview');
    if (!video || !video.isConnected) video = player && player.shadowRoot ? find(player.shadowRoot) : null;
    if (!video || video.readyState < 2 || !video.videoWidth || video.paused) return;
    ctx.drawImage(video, 0, 0, video.videoWidth, video.videoHeight * ${2 * ROW_SHARE}, 0, 0, W, H);
    const px = ctx.getImageData(0, 0, W, H).data;
    const luma = [];
    for (let row = 0; row < 2; row++) {
      for (let bit = 0; bit < ${BITS}; bit++) {
        let sum = 0;
        for (let y = row * ${CELL} + 2; y < row * ${CELL} + 6; y++) {
          for (let x = bit * ${CELL} + 2; x < bit * ${CELL} + 6; x++) {
            const i = (y * W + x) * 4;
            sum += 0.299 * px[i] + 0.587 * px[i + 1] + 0.114 * px[i + 2];
          }
        }
        luma.push(sum / 16);
      }
    }
    const b = video.buffered;
    samples.push({ at, luma, ahead: b.length ? b.end(b.length - 1) - video.currentTime : null, height: video.videoHeight });
  }, 50);
  return document.visibilityState;
})()`;

interface ViewerSample {
  at: number;
  luma: number[];
  ahead: number | null;
  height: number;
}

const loadBefore = loadAverage();
const server = await startBenchServer(SEGMENT_SECONDS === undefined ? {} : { hlsSegmentSeconds: SEGMENT_SECONDS });
const browser = await launchChromium();
const ffmpeg = findFfmpeg(process.env['FFMPEG_PATH']);
let watching = true;
let segmentWatch: Promise<void> = Promise.resolve();

try {
  const base = server.app.url;
  const interview = await server.api<{ id: string }>('POST', '/api/interviews', { title: '基准测试：端到端延迟' });
  const camera = await server.api<{ whipUrl: string; token: string }>('POST', `/api/interviews/${interview.id}/cameras`, { name: '主机位' });
  const hlsBase = `${base}/media/interviews/${interview.id}/hls`;

  const publisher = await browser.context.newPage();
  publisher.on('pageerror', (error) => log('page error', { error: error.message }));
  await publisher.addInitScript({ content: PUBLISHER_SCRIPT });
  await publisher.goto(`${base}/demo`);
  await waitFor('the studio component', async () => (await publisher.evaluate('customElements.get("interview-studio") !== undefined')) === true, 30_000);
  await publisher.evaluate(`(() => {
    document.body.innerHTML = '';
    const studio = document.createElement('interview-studio');
    studio.setAttribute('whip-url', ${JSON.stringify(camera.whipUrl)});
    studio.setAttribute('token', ${JSON.stringify(camera.token)});
    document.body.append(studio);
  })()`);
  await waitFor('the studio preview', async () =>
    (await publisher.evaluate('(document.querySelector("interview-studio")?.shadowRoot?.querySelector("video")?.readyState ?? 0) >= 2')) === true, 30_000);
  await publisher.locator('interview-studio [part="publish"]').click();
  await waitFor('the first HLS segment', async () => (await fetchText(`${hlsBase}/index.m3u8`))?.includes('#EXTINF') ?? false, 30_000);

  const segments: { name: string; duration: number; ageMs: number | null }[] = [];
  segmentWatch = watchSegments(hlsBase, segments);

  const viewer = publisher;
  await viewer.evaluate(`(() => {
    const player = document.createElement('online-interview');
    player.setAttribute('server', '');
    player.setAttribute('interview', ${JSON.stringify(interview.id)});
    document.body.append(player);
  })()`);
  const visibility = await viewer.evaluate(VIEWER_SCRIPT);
  log('viewer sampling', { visibility });
  await waitFor('the viewer to read a time from the video', async () => (await pull(viewer)).some((s) => readTimeCode(s.luma) !== null), 60_000);

  await sleep(WARMUP_SECONDS * 1000);
  await pull(viewer);
  const segmentsBefore = segments.length;
  const loadAtStart = loadAverage();
  const latencies: number[] = [];
  const aheads: number[] = [];
  const heights = new Set<number>();
  let unreadable = 0;
  const until = Date.now() + SECONDS * 1000;
  while (Date.now() < until) {
    await sleep(1000);
    for (const sample of await pull(viewer)) {
      const code = readTimeCode(sample.luma);
      const latency = code === null ? null : sample.at - timeOfCode(code, sample.at);
      // Beyond a minute the blocks were misread in a way the twin row did not catch; counted as unreadable.
      if (latency === null || latency > 60_000) {
        unreadable++;
        continue;
      }
      latencies.push(latency);
      if (sample.ahead !== null) aheads.push(sample.ahead * 1000);
      heights.add(sample.height);
    }
  }
  const status = await server.api<{ cameras: { width: number | null; height: number | null; keyframeRequests: number | null; bitrateKbps: number | null }[] }>(
    'GET', `/api/interviews/${interview.id}/media-status`,
  );
  log('camera as the server saw it', { cameras: status.cameras });
  const measured = segments.slice(segmentsBefore);
  const ages = measured.map((s) => s.ageMs).filter((age): age is number => age !== null);
  if (latencies.length === 0) throw new Error(`no picture could be read in ${SECONDS} s (${unreadable} unreadable samples)`);
  const latency = stats(latencies);
  const result = {
    latency_ms: latency,
    samples: latencies.length,
    unreadable_samples: unreadable,
    seconds: SECONDS,
    newest_segment_age_ms: ages.length ? stats(ages) : null,
    player_buffer_ms: aheads.length ? stats(aheads) : null,
    segments: measured.length,
    segment_duration_s: measured.length ? stats(measured.map((s) => s.duration)) : null,
    settings: {
      hls_segment_seconds: SEGMENT_SECONDS ?? 'server default',
      playlist: 'EVENT, every segment listed (hls_list_size 0), first segment a quarter long',
      player: 'hls.js, liveSyncDurationCount 2, liveMaxLatencyDurationCount 6 (web-components/src/player/hls-playback.ts)',
      picture_heights: [...heights],
    },
    target_ms: TARGET_MS,
    met: latency.median <= TARGET_MS,
    load_average: { before: loadBefore, measuring: loadAtStart, after: loadAverage() },
    cores: os.availableParallelism(),
  };
  console.log(JSON.stringify(result));
} finally {
  watching = false;
  // A segment being fetched and decoded on a starved machine may take long: wait for it at most 5 s.
  await Promise.race([segmentWatch.catch((error: unknown) => log('segment watch failed', { error: String(error) })), sleep(5000)]);
  await browser.close();
  await server.close();
}

/** Polls the playlist every 100 ms; each new segment is fetched and its last picture's time read with FFmpeg. */
async function watchSegments(hlsBase: string, into: { name: string; duration: number; ageMs: number | null }[]): Promise<void> {
  const seen = new Set<string>();
  let first = true;
  while (watching) {
    const playlist = await fetchText(`${hlsBase}/index.m3u8`);
    const lines = playlist?.split('\n') ?? [];
    for (let i = 0; i < lines.length && watching; i++) {
      const name = lines[i]!.trim();
      if (!name.endsWith('.ts') || seen.has(name)) continue;
      seen.add(name);
      const appearedAt = Date.now();
      // Segments listed before the watch started are history: when they appeared is unknown.
      if (first) continue;
      // The segment's #EXTINF is the nearest one above it (a #EXT-X-PROGRAM-DATE-TIME may sit in between).
      const extinf = lines.slice(0, i).findLast((line) => line.startsWith('#EXTINF:'));
      const duration = Number(/#EXTINF:([\d.]+)/.exec(extinf ?? '')?.[1] ?? NaN);
      const response = await fetch(`${hlsBase}/${name}`);
      const code = response.ok ? await lastPictureCode(Buffer.from(await response.arrayBuffer())) : null;
      const ageMs = code === null ? null : appearedAt - timeOfCode(code, appearedAt);
      into.push({ name, duration, ageMs });
      log('segment', { name, duration, ageMs });
    }
    if (playlist !== null) first = false;
    await sleep(100);
  }
}

/** The time code of a segment's last picture: FFmpeg scales the top band of each frame to the cells read above. */
async function lastPictureCode(segment: Buffer): Promise<number | null> {
  const width = BITS * CELL;
  const height = 2 * CELL;
  const child = spawn(ffmpeg, [
    '-hide_banner', '-loglevel', 'error', '-f', 'mpegts', '-i', 'pipe:0',
    '-an', '-vf', `crop=iw:ih*${2 * ROW_SHARE}:0:0,scale=${width}:${height}:flags=area,format=gray`, '-f', 'rawvideo', 'pipe:1',
  ], { stdio: ['pipe', 'pipe', 'pipe'] });
  const chunks: Buffer[] = [];
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.on('error', () => undefined); // FFmpeg may stop reading early; its exit code tells
  child.stdin.end(segment);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const frames = Buffer.concat(chunks);
  const size = width * height;
  if (code !== 0 || frames.length < size) {
    log('segment not decoded', { code, stderr: stderr.slice(0, 300) });
    return null;
  }
  const last = frames.subarray(frames.length - size - (frames.length % size), frames.length - (frames.length % size));
  const luma: number[] = [];
  for (let row = 0; row < 2; row++) {
    for (let bit = 0; bit < BITS; bit++) {
      let sum = 0;
      for (let y = row * CELL + 2; y < row * CELL + 6; y++) for (let x = bit * CELL + 2; x < bit * CELL + 6; x++) sum += last[y * width + x]!;
      luma.push(sum / 16);
    }
  }
  return readTimeCode(luma);
}

async function pull(page: Page): Promise<ViewerSample[]> {
  return (await page.evaluate('window.__latencySamples ? window.__latencySamples.splice(0) : []')) as ViewerSample[];
}

async function fetchText(url: string): Promise<string | null> {
  const response = await fetch(url).catch(() => null);
  return response?.ok ? response.text() : null;
}

async function waitFor(what: string, probe: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await sleep(200);
  }
}

function stats(values: number[]): { min: number; median: number; p90: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! * 100) / 100;
  return { min: at(0), median: at(0.5), p90: at(0.9), max: at(1) };
}

function positive(name: string, text: string): number {
  const value = Number(text);
  if (!(value > 0)) throw new Error(`${name} must be a positive number, not ${text}`);
  return value;
}
