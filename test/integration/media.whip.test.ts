import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaServer } from '../../media/index.js';
import { HARNESS_TOKEN, startMediaHarness, type MediaHarness } from '../helpers/mediaHarness.js';
import { launchChromium, type TestBrowser } from '../helpers/chromium.js';
import { decodeErrors, firstVideoFrameIsKeyframe, probeStreams } from '../helpers/ffprobe.js';
import { publishFromPage, stopFromPage, waitForConnected } from '../helpers/whipPublisher.js';

/**
 * The media path on its own, with real parts: Chromium publishes over WHIP into mediasoup, FFmpeg
 * writes HLS and a recording, ffprobe checks them.
 */
const TOKEN = HARNESS_TOKEN;
let harness: MediaHarness;
let media: MediaServer;
let base: string;
let dataDir: string;
let browser: TestBrowser;
let page: Page;

const whipUrl = (camera: string) => harness.whipUrl(camera);
const hlsDir = (interview: string) => harness.hlsDir(interview);
const playlist = (interview: string) => harness.playlist(interview);
const segmentsOf = (text: string) => text.split('\n').filter((l) => l.endsWith('.ts'));
const waitForSegments = (interview: string, count: number) => harness.waitForSegments(interview, count);
const nextEvent = <T>(name: 'programLive' | 'programEnded', interview: string) => harness.nextEvent<T>(name, interview);

beforeAll(async () => {
  harness = await startMediaHarness(
    { 'cam-1': 'interview-1', 'cam-2': 'interview-2', 'cam-3': 'interview-3', 'cam-4': 'interview-4' },
    { min: 41000, max: 41100 },
  );
  ({ media, base, dataDir } = harness);
  browser = await launchChromium();
  page = await browser.context.newPage();
  await page.goto(`${base}/`);
});

afterAll(async () => {
  await browser?.close();
  await harness?.close();
});

describe('WHIP request validation', () => {
  const chromeOffer = readFileSync(new URL('../fixtures/sdp/chrome-offer.sdp', import.meta.url), 'utf8');
  const post = (headers: Record<string, string>, body: string, camera = 'cam-1') =>
    fetch(whipUrl(camera), { method: 'POST', headers, body });

  it('answers 415 for a wrong content type', async () => {
    const res = await post({ 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` }, '{}');
    expect(res.status).toBe(415);
    expect((await res.json()).error.code).toBe('unsupported_media_type');
  });

  it('answers 401 with WWW-Authenticate for a missing or wrong token', async () => {
    const missing = await post({ 'Content-Type': 'application/sdp' }, chromeOffer);
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const wrong = await post({ 'Content-Type': 'application/sdp', Authorization: 'Bearer nope' }, chromeOffer);
    expect(wrong.status).toBe(401);
    const otherCamera = await post({ 'Content-Type': 'application/sdp', Authorization: `Bearer ${TOKEN}` }, chromeOffer, 'cam-x');
    expect(otherCamera.status).toBe(401);
  });

  it('answers 400 with a reason for an offer it cannot take', async () => {
    const res = await post({ 'Content-Type': 'application/sdp', Authorization: `Bearer ${TOKEN}` }, chromeOffer.replace(/a=rtcp-mux\r\n/g, ''));
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe('sdp_unsupported');
    expect(body.error.message).toMatch(/rtcp-mux/);
  });

  it('answers CORS preflight without a token', async () => {
    const res = await fetch(whipUrl('cam-1'), { method: 'OPTIONS', headers: { Origin: 'https://portal.example.gov.cn' } });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-methods')).toContain('PATCH');
    expect(res.headers.get('access-control-expose-headers')).toContain('Location');
  });

  it('answers 404 for PATCH and DELETE on an unknown session', async () => {
    const res = await fetch(`${whipUrl('cam-1')}/not-a-session`, { method: 'DELETE', headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(404);
  });
});

describe('browser → WHIP → mediasoup → FFmpeg → HLS and recording', () => {
  let location: string;
  let etag: string;

  it('publishes: 201 with an ICE-lite answer, Location, ETag and ice-server Link', async () => {
    const live = nextEvent('programLive', 'interview-1');
    const result = await publishFromPage(page, whipUrl('cam-1'), TOKEN);
    expect(result.status).toBe(201);
    expect(result.location).toMatch(/\/whip\/cam-1\/[A-Za-z0-9_-]{22}$/);
    expect(result.etag).toMatch(/^".+"$/);
    location = result.location!;
    etag = result.etag!;
    await waitForConnected(page);
    await live;
  });

  it('writes H.264 + AAC segments of about 2 s, each starting on a keyframe, with PROGRAM-DATE-TIME', async () => {
    const segments = await waitForSegments('interview-1', 3);
    const text = playlist('interview-1');
    expect(text).toContain('#EXT-X-PROGRAM-DATE-TIME');
    expect(text).toContain('#EXT-X-PLAYLIST-TYPE:EVENT');
    expect(text).not.toContain('#EXT-X-ENDLIST');
    const durations = [...text.matchAll(/#EXTINF:([\d.]+)/g)].map((m) => Number(m[1]));
    const target = Number(/#EXT-X-TARGETDURATION:(\d+)/.exec(text)![1]);
    for (const d of durations) expect(d).toBeLessThanOrEqual(target + 0.5);
    expect(target).toBeLessThanOrEqual(3);
    for (const segment of segments.slice(0, 3)) {
      const file = path.join(hlsDir('interview-1'), segment);
      const streams = await probeStreams(file);
      expect(streams.map((s) => s.codec_name).sort()).toEqual(['aac', 'h264']);
      expect(await firstVideoFrameIsKeyframe(file)).toBe(true);
    }
  });

  it('handles PATCH per RFC 9725: 428 without If-Match, 412 on a stale ETag, 204 for trickled candidates', async () => {
    const patch = (headers: Record<string, string>, body: string) =>
      fetch(location, { method: 'PATCH', headers: { Authorization: `Bearer ${TOKEN}`, ...headers }, body });
    const fragType = { 'Content-Type': 'application/trickle-ice-sdpfrag' };
    const sdp = readFileSync(new URL('../fixtures/sdp/chrome-offer.sdp', import.meta.url), 'utf8');
    const ufrag = /a=ice-ufrag:(\S+)/.exec(sdp)![1];
    const candidate = `a=ice-ufrag:${ufrag}\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=mid:0\r\na=candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host\r\n`;
    expect((await patch(fragType, candidate)).status).toBe(428);
    expect((await patch({ ...fragType, 'If-Match': '"stale"' }, candidate)).status).toBe(412);
    expect((await patch({ 'Content-Type': 'text/plain', 'If-Match': etag }, candidate)).status).toBe(415);
  });

  it('restarts ICE from the browser through PATCH and keeps the media flowing', async () => {
    const before = segmentsOf(playlist('interview-1')).length;
    const result = await page.evaluate(
      async ({ location, token }) => {
        const w = window as unknown as { __pc: RTCPeerConnection };
        const pc = w.__pc;
        const oldAnswer = pc.remoteDescription!.sdp;
        pc.restartIce();
        const offer = await pc.createOffer();
        await pc.setLocalDescription(offer);
        const ufrag = /a=ice-ufrag:(\S+)/.exec(offer.sdp!)![1];
        const pwd = /a=ice-pwd:(\S+)/.exec(offer.sdp!)![1];
        const res = await fetch(location, {
          method: 'PATCH',
          headers: { 'Content-Type': 'application/trickle-ice-sdpfrag', 'If-Match': '*', Authorization: `Bearer ${token}` },
          body: `a=ice-ufrag:${ufrag}\r\na=ice-pwd:${pwd}\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=mid:0\r\n`,
        });
        const fragment = await res.text();
        const newUfrag = /a=ice-ufrag:(\S+)/.exec(fragment)![1]!;
        const newPwd = /a=ice-pwd:(\S+)/.exec(fragment)![1]!;
        const answer = oldAnswer.replace(/a=ice-ufrag:\S+/g, `a=ice-ufrag:${newUfrag}`).replace(/a=ice-pwd:\S+/g, `a=ice-pwd:${newPwd}`);
        await pc.setRemoteDescription({ type: 'answer', sdp: answer });
        return { status: res.status, etag: res.headers.get('ETag'), type: res.headers.get('Content-Type') };
      },
      { location, token: TOKEN },
    );
    expect(result.status).toBe(200);
    expect(result.type).toContain('application/trickle-ice-sdpfrag');
    expect(result.etag).not.toBe(etag);
    await waitForConnected(page);
    await waitForSegments('interview-1', before + 2);
  });

  it('stops on DELETE: ENDLIST written, recording decodes without an error', async () => {
    const ended = nextEvent<{ recordingPaths: string[] }>('programEnded', 'interview-1');
    expect(await stopFromPage(page, TOKEN)).toBe(200);
    const { recordingPaths } = await ended;
    expect(playlist('interview-1').trimEnd().endsWith('#EXT-X-ENDLIST')).toBe(true);
    expect(recordingPaths).toHaveLength(1);
    const streams = await probeStreams(recordingPaths[0]!);
    expect(streams.map((s) => s.codec_name).sort()).toEqual(['aac', 'h264']);
    expect(await decodeErrors(recordingPaths[0]!)).toBe('');
    expect(media.isLive('interview-1')).toBe(false);
  });
});

describe('reconnects', () => {
  it('a camera that publishes again replaces its session; the program continues without a discontinuity', async () => {
    const live = nextEvent('programLive', 'interview-2');
    const first = await publishFromPage(page, whipUrl('cam-2'), TOKEN);
    await waitForConnected(page);
    await live;
    await waitForSegments('interview-2', 2);

    // A second page stands for the studio browser coming back after a crash: no DELETE was sent.
    const page2 = await browser.context.newPage();
    await page2.goto(`${base}/`);
    const second = await publishFromPage(page2, whipUrl('cam-2'), TOKEN);
    expect(second.status).toBe(201);
    expect(second.location).not.toBe(first.location);
    await waitForConnected(page2);
    const stale = await fetch(first.location!, { method: 'DELETE', headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(stale.status).toBe(404);

    const before = segmentsOf(playlist('interview-2')).length;
    await waitForSegments('interview-2', before + 2);
    // The program bus cuts to the new session on its keyframe: FFmpeg runs on, one timeline, one recording part.
    expect(playlist('interview-2')).not.toContain('#EXT-X-DISCONTINUITY');
    expect(media.isLive('interview-2')).toBe(true);

    const ended = nextEvent<{ recordingPaths: string[] }>('programEnded', 'interview-2');
    expect(await stopFromPage(page2, TOKEN)).toBe(200);
    const { recordingPaths } = await ended;
    expect(recordingPaths).toHaveLength(1);
    expect(readdirSync(path.join(dataDir, 'interviews', 'interview-2', 'recordings')).filter((f) => f.startsWith('program'))).toHaveLength(1);
    for (const file of recordingPaths) expect(await decodeErrors(file)).toBe('');
    await page2.close();
  });
});

describe('cutting a camera off', () => {
  it('a revoked camera is disconnected at once; the show stays open until it is ended', async () => {
    const live = nextEvent('programLive', 'interview-3');
    const page3 = await browser.context.newPage();
    await page3.goto(`${base}/`);
    expect((await publishFromPage(page3, whipUrl('cam-3'), TOKEN)).status).toBe(201);
    await live;
    await waitForSegments('interview-3', 2);

    media.disconnectCamera('cam-3');
    expect(media.isPublishing('cam-3')).toBe(false);
    expect(media.isLive('interview-3')).toBe(true);
    await new Promise((r) => setTimeout(r, 2500));
    expect(playlist('interview-3')).not.toContain('#EXT-X-ENDLIST');

    const ended = nextEvent<{ recordingPaths: string[] }>('programEnded', 'interview-3');
    await media.endInterview('interview-3');
    const { recordingPaths } = await ended;
    expect(playlist('interview-3').trimEnd().endsWith('#EXT-X-ENDLIST')).toBe(true);
    for (const file of recordingPaths) expect(await decodeErrors(file)).toBe('');
    await page3.close();
  });
});

describe('FFmpeg dying during a show', () => {
  it('is restarted: the HLS continues behind a discontinuity, the recording keeps what it had', async () => {
    const live = nextEvent('programLive', 'interview-4');
    const page4 = await browser.context.newPage();
    await page4.goto(`${base}/`);
    expect((await publishFromPage(page4, whipUrl('cam-4'), TOKEN)).status).toBe(201);
    await live;
    const before = (await waitForSegments('interview-4', 3)).length;

    const sdp = path.join(dataDir, 'interviews', 'interview-4', 'program.sdp');
    const pid = Number(execFileSync('pgrep', ['-f', sdp]).toString().trim().split('\n')[0]);
    process.kill(pid, 'SIGKILL');

    await waitForSegments('interview-4', before + 3);
    expect(playlist('interview-4')).toContain('#EXT-X-DISCONTINUITY');
    expect(playlist('interview-4')).not.toContain('#EXT-X-ENDLIST');
    expect(media.isLive('interview-4')).toBe(true);

    const ended = nextEvent<{ recordingPaths: string[] }>('programEnded', 'interview-4');
    expect(await stopFromPage(page4, TOKEN)).toBe(200);
    const { recordingPaths } = await ended;
    expect(recordingPaths).toHaveLength(2);
    // The part cut by SIGKILL has no trailer but plays up to its last cluster; the new part is whole.
    for (const file of recordingPaths) {
      expect((await probeStreams(file)).map((s) => s.codec_name).sort()).toEqual(['aac', 'h264']);
    }
    expect(await decodeErrors(recordingPaths[1]!)).toBe('');
    await page4.close();
  });
});
