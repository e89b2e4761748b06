/**
 * Benchmark: browser publish → first HLS segment listed.
 *
 * Starts the whole server (embedded PostgreSQL, mediasoup, FFmpeg) in a temp directory, then five
 * times: creates an interview and a camera through the API, opens the studio component
 * (<interview-studio>) in headless Chromium with the fake camera already previewing, clicks
 * "开始推流", and polls the interview's playlist over HTTP until it lists a segment.
 * Prints one JSON line: {"publish_to_first_segment_ms":{"min":…,"median":…,"max":…},"runs":5}.
 * Diagnostics go to stderr. Run: npm run bench:ingest (after scripts/setup.sh).
 */
import { launchChromium } from '../../test/helpers/chromium.js';
import { startBenchServer } from './benchServer.js';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);

const server = await startBenchServer();
const app = server.app;
const browser = await launchChromium();
const samples: number[] = [];

try {
  const page = await browser.context.newPage();
  // Any page of the server: same origin (a secure context for getUserMedia) with the component bundle.
  page.on("console", (m) => process.stderr.write(`page: ${m.text()}\n`));
  await page.goto(`${app.url}/demo`);
  await page.waitForFunction(() => customElements.get('interview-studio') !== undefined);

  for (let run = 0; run < RUNS; run++) {
    const interview = await server.api<{ id: string }>('POST', '/api/interviews', { title: `基准测试 ${run + 1}` });
    const camera = await server.api<{ id: string; whipUrl: string; token: string }>(
      'POST', `/api/interviews/${interview.id}/cameras`, { name: '主机位' },
    );
    await page.evaluate(({ whipUrl, token }) => {
      document.body.innerHTML = '';
      const studio = document.createElement('interview-studio');
      studio.setAttribute('whip-url', whipUrl);
      studio.setAttribute('token', token);
      document.body.append(studio);
    }, camera);
    // The technician has the preview running before going live: wait for the camera to be open.
    await page.waitForFunction(() => {
      const studio = document.querySelector('interview-studio');
      const video = studio?.shadowRoot?.querySelector('video');
      return video !== null && video !== undefined && video.readyState >= 2;
    });

    const playlist = `${app.url}/media/interviews/${interview.id}/hls/index.m3u8`;
    const started = performance.now();
    await page.locator('interview-studio [part="publish"]').click();
    let elapsed = 0;
    for (;;) {
      const response = await fetch(playlist);
      if (response.ok && (await response.text()).includes('#EXTINF')) {
        elapsed = performance.now() - started;
        break;
      }
      if (performance.now() - started > 20_000) throw new Error(`run ${run + 1}: no segment within 20 s`);
      await new Promise((r) => setTimeout(r, 20));
    }
    samples.push(Math.round(elapsed));
    process.stderr.write(`run ${run + 1}: ${Math.round(elapsed)} ms\n`);

    await page.locator('interview-studio [part="stop"]').click();
    await page.waitForFunction(() => document.querySelector('interview-studio')?.getAttribute('data-state') !== 'live');
    await waitUntilEnded(interview.id);
  }
} finally {
  await browser.close();
  await server.close();
}

const sorted = [...samples].sort((a, b) => a - b);
const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2]! : Math.round((sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2);
console.log(JSON.stringify({ publish_to_first_segment_ms: { min: sorted[0], median, max: sorted.at(-1) }, runs: samples.length }));

async function waitUntilEnded(id: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if ((await server.api<{ status: string }>('GET', `/api/interviews/${id}`)).status === 'ended') return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`interview ${id} did not end after the studio stopped`);
}
