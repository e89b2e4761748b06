import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type TestBrowser } from '../helpers/chromium.js';
import { decodeErrors } from '../helpers/ffprobe.js';
import { HARNESS_TOKEN, startMediaHarness, type MediaHarness } from '../helpers/mediaHarness.js';
import { makeTempDir, removeTempDir } from '../helpers/tempDir.js';
import { publishFromPage, waitForConnected } from '../helpers/whipPublisher.js';

const run = promisify(execFile);

/**
 * Captions and branding with real parts: a camera publishes, the director turns on the lower third, the logo and
 * the 直播 badge (the program is then encoded, and the pixels show them), then turns them off (passed through
 * again); every segment decodes, and the playlist marks each change with a discontinuity.
 */
const INTERVIEW = 'interview-overlays';
let harness: MediaHarness;
let browser: TestBrowser;
let logoDir: string;

beforeAll(async () => {
  logoDir = makeTempDir('logo');
  const logoFile = path.join(logoDir, 'logo.png');
  await run('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'color=c=0xff0000:s=96x96', '-frames:v', '1', '-y', logoFile]);
  harness = await startMediaHarness({ cam: INTERVIEW }, { min: 44200, max: 44300 }, { logoFile });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await harness?.close();
  removeTempDir(logoDir);
});

const segments = () => harness.playlist(INTERVIEW).split('\n').filter((line) => line.endsWith('.ts'));
const segmentFile = (name: string) => path.join(harness.hlsDir(INTERVIEW), name);

async function profileOf(file: string): Promise<string> {
  const { stdout } = await run('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=profile', '-of', 'csv=p=0', file]);
  return stdout.trim().split('\n')[0]!.trim();
}

/** The average colour (r, g, b) of a region of a segment's first frame, given as fractions of the picture. */
async function averageColour(file: string, region: { x: number; y: number; w: number; h: number }): Promise<number[]> {
  const crop = `crop=iw*${region.w}:ih*${region.h}:iw*${region.x}:ih*${region.y},scale=1:1:flags=area`;
  const { stdout } = await run('ffmpeg', ['-v', 'error', '-i', file, '-frames:v', '1', '-vf', crop, '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], {
    encoding: 'buffer',
  });
  return [...(stdout as unknown as Buffer).subarray(0, 3)];
}

async function nextSegment(): Promise<string> {
  const count = segments().length;
  await harness.waitForSegments(INTERVIEW, count + 2, 30_000);
  return segments().at(-1)!;
}

describe('program overlays', () => {
  it('encodes the program with the lower third, logo and 直播 badge while they are on, and passes it through again after', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${harness.base}/`);
    const live = harness.nextEvent('programLive', INTERVIEW, 30_000);
    expect((await publishFromPage(page, harness.whipUrl('cam'), HARNESS_TOKEN, { width: 640, height: 360 })).status).toBe(201);
    await waitForConnected(page);
    await live;
    const plain = await nextSegment();
    expect(await profileOf(segmentFile(plain))).toBe('Constrained Baseline');

    const applied = await harness.media.setOverlays(INTERVIEW, {
      lowerThird: { name: '张建国', position: '县农业农村局局长' },
      logo: true,
      liveBadge: true,
    });
    expect(applied.liveBadge).toBe(true);
    const drawn = await nextSegment();
    // libx264 writes High profile; the camera's own stream is Constrained Baseline.
    expect(await profileOf(segmentFile(drawn))).toBe('High');
    const [r, g, b] = await averageColour(segmentFile(drawn), { x: 0.3, y: 0.745, w: 0.25, h: 0.01 });
    expect(b!).toBeGreaterThan(100);
    expect(r!).toBeLessThan(80);
    expect(g!).toBeLessThan(100);
    const logo = await averageColour(segmentFile(drawn), { x: 0.035, y: 0.045, w: 0.04, h: 0.07 });
    expect(logo[0]!).toBeGreaterThan(180);
    expect(logo[1]!).toBeLessThan(80);

    await harness.media.setOverlays(INTERVIEW, { lowerThird: null, logo: false, liveBadge: false });
    const again = await nextSegment();
    expect(await profileOf(segmentFile(again))).toBe('Constrained Baseline');

    const ended = harness.nextEvent('programEnded', INTERVIEW, 30_000);
    await harness.media.endInterview(INTERVIEW);
    await ended;
    // Each change restarts FFmpeg on new arguments: the playlist says so (players reset their decoder there) and
    // every segment still decodes on its own.
    expect(harness.playlist(INTERVIEW).match(/#EXT-X-DISCONTINUITY/g)?.length).toBeGreaterThanOrEqual(2);
    for (const name of segments()) expect(await decodeErrors(segmentFile(name)), name).toBe('');
    await page.close();
  });
});
