/**
 * Benchmark: kill -9 of the program's FFmpeg during a show.
 *
 * Runs the media node with the real WHIP router on loopback; a camera (werift + FFmpeg's frame-counter picture,
 * test/helpers/lavfiPublisher.ts) publishes; after a few seconds of show the program FFmpeg is killed with SIGKILL.
 * Measures
 *  - media lost: the frame being sent when FFmpeg died minus the last frame its recording part kept (every frame
 *    carries its number), in seconds (target ≤ 1);
 *  - back: seconds from the kill until the playlist lists a new segment (target ≤ 5).
 * Then the same kill for the camera's ISO recorder (its loss is reported too). Prints one JSON line; diagnostics on
 * stderr. Run: npm run bench:crash.
 */
import os from 'node:os';
import type { RecordingPartEvent } from '../../media/index.js';
import { counterFrames, pidsWithCommandLine } from '../../test/helpers/frameCounter.js';
import { COUNTER_FPS, publishLavfi } from '../../test/helpers/lavfiPublisher.js';
import { HARNESS_TOKEN, startMediaHarness } from '../../test/helpers/mediaHarness.js';

const INTERVIEW = 'bench-crash';
const CAMERA = 'camera-1';
const log = (message: string, extra: Record<string, unknown> = {}) => process.stderr.write(`${JSON.stringify({ message, ...extra })}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const harness = await startMediaHarness({ [CAMERA]: INTERVIEW }, { min: 46000, max: 46100 });
const ended: (RecordingPartEvent & { interviewId: string })[] = [];
const started: (RecordingPartEvent & { interviewId: string })[] = [];
harness.media.on('recordingPart', (event) => (event.phase === 'ended' ? ended : started).push(event));
const segments = () => harness.playlist(INTERVIEW).split('\n').filter((line) => line.endsWith('.ts')).length;

async function until<T>(what: string, probe: () => T | undefined, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

const publisher = await publishLavfi(harness.whipUrl(CAMERA), HARNESS_TOKEN);
try {
  await harness.waitForSegments(INTERVIEW, 4, 30_000);
  await sleep(3000);

  /** Kills the FFmpeg whose command line names `needle`; answers the seconds lost and (program) seconds until a new segment. */
  const crash = async (needle: string, kind: 'program' | 'camera') => {
    const writing = started.filter((e) => e.kind === kind).at(-1)!.path;
    const pids = pidsWithCommandLine('ffmpeg', needle);
    if (pids.length !== 1) throw new Error(`expected one FFmpeg for ${needle}, found ${pids.length}`);
    const before = segments();
    process.kill(pids[0]!, 'SIGKILL');
    const killedAt = Date.now();
    const back = await until('a new segment', () => (segments() > before ? (Date.now() - killedAt) / 1000 : undefined));
    const part = await until('the killed part to be finalised', () => ended.find((e) => e.path === writing));
    const frames = await counterFrames(part.path);
    const lost = (publisher.frameAt(killedAt) - frames[frames.length - 1]!) / COUNTER_FPS;
    log('killed', { needle, part: part.path, repaired: part.phase === 'ended' && part.repaired, lostSeconds: lost, backSeconds: back });
    return { lost, back };
  };

  const program = await crash(`${INTERVIEW}/hls`, 'program');
  await sleep(4000);
  const iso = await crash(`camera-${CAMERA}-`, 'camera');
  log('machine', { cores: os.availableParallelism(), loadavg1m: os.loadavg()[0] });
  process.stdout.write(
    `${JSON.stringify({
      media_lost_seconds: Math.round(program.lost * 100) / 100,
      seconds_until_new_segment: Math.round(program.back * 100) / 100,
      iso_media_lost_seconds: Math.round(iso.lost * 100) / 100,
      targets: { media_lost_seconds: 1, seconds_until_new_segment: 5 },
    })}\n`,
  );
} finally {
  await publisher.drop();
  await harness.close();
}
// werift's closed peer connection leaves timers behind that would keep the process alive for good.
process.exit(process.exitCode ?? 0);
