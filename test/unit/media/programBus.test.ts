import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ProgramBus } from '../../../media/program/ProgramBus.js';
import { marker, payloadType, sequenceNumber, ssrc, timestamp } from '../../../media/program/rtpHeader.js';
import { keyframeStart } from '../../../media/program/videoKeyframes.js';

const SPS_720P = Buffer.from('6764001facd9405005bb0110000003001000000303c0f183196000', 'hex');
const OUT = { video: { ssrc: 0x11111111, payloadType: 102 }, audio: { ssrc: 0x22222222, payloadType: 111 } };

function rtp(fields: { seq: number; ts: number; ssrc: number; marker: boolean; payloadType: number }, body: Buffer): Buffer {
  const header = Buffer.alloc(12);
  header[0] = 0x80;
  header[1] = (fields.marker ? 0x80 : 0) | fields.payloadType;
  header.writeUInt16BE(fields.seq & 0xffff, 2);
  header.writeUInt32BE(fields.ts >>> 0, 4);
  header.writeUInt32BE(fields.ssrc, 8);
  return Buffer.concat([header, body]);
}

/**
 * A camera as the bus sees it: H.264 frames of several packets at 30 fps (a keyframe starts with the SPS, as
 * Chrome's does; the rest are IDR or P slice fragments), keyframes when asked for and every `gop` frames, and
 * Opus packets every 20 ms. Its sequence numbers and timestamps start anywhere.
 */
class FakeCamera {
  readonly id: string;
  #seq: number;
  #ts: number;
  #audioSeq: number;
  #audioTs: number;
  #frames = 0;
  #keyRequested = false;
  readonly #ssrc: number;
  readonly #gop: number;
  readonly #packetsPerFrame: number;

  constructor(id: string, seed: number, options: { gop?: number; packetsPerFrame?: number } = {}) {
    this.id = id;
    this.#seq = (seed * 7919) & 0xffff;
    this.#ts = (seed * 104729 * 977) >>> 0;
    this.#audioSeq = (seed * 31) & 0xffff;
    this.#audioTs = (seed * 7777) >>> 0;
    this.#ssrc = 0x1000 + seed;
    this.#gop = options.gop ?? 90;
    this.#packetsPerFrame = options.packetsPerFrame ?? 4;
  }

  requestKeyFrame(): void {
    this.#keyRequested = true;
  }

  frame(): Buffer[] {
    const key = this.#keyRequested || this.#frames % this.#gop === 0;
    this.#keyRequested = false;
    this.#frames++;
    const packets: Buffer[] = [];
    for (let i = 0; i < this.#packetsPerFrame; i++) {
      const last = i === this.#packetsPerFrame - 1;
      const body =
        key && i === 0
          ? Buffer.concat([Buffer.from([0x78, 0, SPS_720P.length]), SPS_720P])
          : Buffer.from([0x7c, (i === (key ? 1 : 0) ? 0x80 : 0) | (last ? 0x40 : 0) | (key ? 5 : 1), this.#frames & 0xff]);
      packets.push(rtp({ seq: this.#seq++, ts: this.#ts, ssrc: this.#ssrc, marker: last, payloadType: 125 }, body));
    }
    this.#ts = (this.#ts + 3000) >>> 0;
    return packets;
  }

  audio(): Buffer {
    const packet = rtp({ seq: this.#audioSeq++, ts: this.#audioTs, ssrc: this.#ssrc + 1, marker: false, payloadType: 100 }, Buffer.from([0xfc, 0xff, 0xfe]));
    this.#audioTs = (this.#audioTs + 960) >>> 0;
    return packet;
  }
}

interface Run {
  video: Buffer[];
  audio: Buffer[];
  switches: { sourceId: string; index: number; waitedMs: number }[];
}

/**
 * Plays cameras into the bus on a shared clock: each camera's frames every 33 ms at its own phase, its packets
 * arriving spread over a few ms (interleaved with the others'), audio every 20 ms; `at` lists director actions.
 */
function play(cameras: FakeCamera[], durationMs: number, at: Map<number, (bus: ProgramBus) => void>, bus = new ProgramBus({ ...OUT, initialSeq: 65530, initialTs: 4294967000 })): Run {
  const run: Run = { video: [], audio: [], switches: [] };
  type Item =
    | { t: number; camera: FakeCamera; kind: 'frame' }
    | { t: number; camera: FakeCamera; kind: 'audio' }
    | { t: number; camera: FakeCamera; kind: 'video'; packet: Buffer };
  const queue: Item[] = [];
  cameras.forEach((camera, n) => {
    for (let t = 7 * n; t < durationMs; t += 1000 / 30) queue.push({ t, camera, kind: 'frame' });
    for (let t = 3 * n; t < durationMs; t += 20) queue.push({ t, camera, kind: 'audio' });
  });
  const actions = [...at.entries()].sort((a, b) => a[0] - b[0]);
  queue.sort((a, b) => a.t - b.t);
  const insert = (item: Item) => {
    let low = 0;
    let high = queue.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (queue[mid]!.t <= item.t) low = mid + 1;
      else high = mid;
    }
    queue.splice(low, 0, item);
  };
  while (queue.length > 0) {
    const item = queue.shift()!;
    while (actions.length > 0 && actions[0]![0] <= item.t) actions.shift()![1](bus);
    if (item.kind === 'frame') {
      // A frame is encoded when its time comes (so keyframe requests take effect), its packets spread over a few ms.
      item.camera.frame().forEach((packet, i) => insert({ t: item.t + i * 2.5, camera: item.camera, kind: 'video', packet }));
    } else if (item.kind === 'audio') {
      const out = bus.pushAudio(item.camera.id, item.camera.audio(), item.t);
      if (out) run.audio.push(out);
    } else {
      const result = bus.pushVideo(item.camera.id, item.packet, item.t);
      if (result.switched) {
        const firstNew = result.packets.findIndex((p) => keyframeStart('H264', p.subarray(12)) !== undefined);
        run.switches.push({ sourceId: result.switched.sourceId, index: run.video.length + firstNew, waitedMs: result.switched.waitedMs });
      }
      run.video.push(...result.packets);
    }
  }
  return run;
}

function expectContinuous(packets: Buffer[], out: { ssrc: number; payloadType: number }): void {
  for (let i = 1; i < packets.length; i++) {
    expect((sequenceNumber(packets[i - 1]!) + 1) & 0xffff, `sequence number after packet ${i - 1}`).toBe(sequenceNumber(packets[i]!));
    const step = (timestamp(packets[i]!) - timestamp(packets[i - 1]!)) >>> 0;
    expect(step, `timestamp step at packet ${i}`).toBeLessThan(0x80000000);
  }
  for (const packet of packets) {
    expect(ssrc(packet)).toBe(out.ssrc);
    expect(payloadType(packet)).toBe(out.payloadType);
  }
}

/** Every frame (run of one timestamp) is whole: it ends with the marker before the next timestamp starts. */
function expectWholeFrames(packets: Buffer[]): void {
  for (let i = 1; i < packets.length; i++) {
    if (timestamp(packets[i]!) !== timestamp(packets[i - 1]!)) expect(marker(packets[i - 1]!), `frame before packet ${i} is whole`).toBe(true);
  }
}

const select = (camera: FakeCamera) => (bus: ProgramBus) => {
  bus.select(camera.id, 0);
  camera.requestKeyFrame();
};

describe('ProgramBus', () => {
  it('cuts between two cameras on their keyframes with no sequence gap, monotonic timestamps and whole frames', () => {
    const a = new FakeCamera('a', 1);
    const b = new FakeCamera('b', 2);
    const actions = new Map<number, (bus: ProgramBus) => void>([
      [0, (bus) => { bus.addSource('a', 'H264'); bus.addSource('b', 'H264'); select(a)(bus); }],
      [1000, select(b)],
      [2100, select(a)],
      [3200, select(b)],
    ]);
    const run = play([a, b], 4500, actions);
    expect(run.switches.map((s) => s.sourceId)).toEqual(['a', 'b', 'a', 'b']);
    expectContinuous(run.video, OUT.video);
    expectWholeFrames(run.video);
    for (const cut of run.switches) expect(keyframeStart('H264', run.video[cut.index]!.subarray(12))).toEqual({ width: 1280, height: 720 });
    // The output wrapped around 65535 → 0 and 2^32 → 0 without a jump (it started just below both).
    expect(run.video.some((p) => sequenceNumber(p) === 0)).toBe(true);
  });

  it('keeps the timeline: output time advances with the wall clock across cuts (±1 frame)', () => {
    const a = new FakeCamera('a', 3);
    const b = new FakeCamera('b', 4);
    const run = play([a, b], 3000, new Map([
      [0, (bus: ProgramBus) => { bus.addSource('a', 'H264'); bus.addSource('b', 'H264'); select(a)(bus); }],
      [1500, select(b)],
    ]));
    const first = run.video[0]!;
    const last = run.video.at(-1)!;
    const elapsedMs = (((timestamp(last) - timestamp(first)) >>> 0) / 90000) * 1000;
    expect(Math.abs(elapsedMs - 3000)).toBeLessThan(80);
  });

  it('sends nothing before the first keyframe, and nothing of a camera that is not on air', () => {
    const a = new FakeCamera('a', 5, { gop: 1000 });
    const b = new FakeCamera('b', 6);
    const run = play([a, b], 500, new Map([
      [0, (bus: ProgramBus) => { bus.addSource('a', 'H264'); bus.addSource('b', 'H264'); a.frame(); bus.select('a', 0); }],
      [200, (bus: ProgramBus) => a.requestKeyFrame()],
    ]));
    expect(keyframeStart('H264', run.video[0]!.subarray(12))).toBeDefined();
    expect(run.switches[0]!.waitedMs).toBeGreaterThanOrEqual(200);
    // 300 ms of a 30 fps camera from its keyframe on, 4 packets a frame; the other camera's none.
    expect(run.video.length).toBeLessThanOrEqual(4 * 10);
  });

  it('audio follows the cut, or stays on the chosen microphone; either way its stream is continuous', () => {
    const a = new FakeCamera('a', 7);
    const b = new FakeCamera('b', 8);
    const follow = play([a, b], 2000, new Map([
      [0, (bus: ProgramBus) => { bus.addSource('a', 'H264'); bus.addSource('b', 'H264'); select(a)(bus); }],
      [1000, select(b)],
    ]));
    expectContinuous(follow.audio, OUT.audio);
    expect(follow.audio.length).toBeGreaterThan(95);

    const a2 = new FakeCamera('a', 9);
    const b2 = new FakeCamera('b', 10);
    const bus = new ProgramBus(OUT);
    const fixed = play([a2, b2], 2000, new Map([
      [0, (bus: ProgramBus) => { bus.addSource('a', 'H264'); bus.addSource('b', 'H264'); bus.setAudioFollow({ follow: 'source', sourceId: 'a' }); select(a2)(bus); }],
      [1000, select(b2)],
    ]), bus);
    expect(bus.onAir).toBe('b');
    expect(bus.audioSource).toBe('a');
    expectContinuous(fixed.audio, OUT.audio);
    expect(fixed.audio.length).toBeGreaterThan(95);
  });

  it('continues the numbering when the camera on air reconnects as a new source', () => {
    const a = new FakeCamera('a#1', 11);
    const again = new FakeCamera('a#2', 12);
    const run = play([a, again], 2000, new Map([
      [0, (bus: ProgramBus) => { bus.addSource('a#1', 'H264'); select(a)(bus); }],
      [1000, (bus: ProgramBus) => { bus.removeSource('a#1'); bus.addSource('a#2', 'H264'); select(again)(bus); }],
    ]));
    expect(run.switches.map((s) => s.sourceId)).toEqual(['a#1', 'a#2']);
    expectContinuous(run.video, OUT.video);
    expectWholeFrames(run.video);
  });

  it('drops a reordered packet from before the cut instead of sending it back in time', () => {
    const bus = new ProgramBus({ ...OUT, initialSeq: 100, initialTs: 1000 });
    bus.addSource('a', 'H264');
    bus.select('a', 0);
    const key = rtp({ seq: 50, ts: 9000, ssrc: 1, marker: false, payloadType: 125 }, Buffer.concat([Buffer.from([0x78, 0, SPS_720P.length]), SPS_720P]));
    expect(bus.pushVideo('a', key, 0).packets.map(sequenceNumber)).toEqual([100]);
    const late = rtp({ seq: 49, ts: 6000, ssrc: 1, marker: true, payloadType: 125 }, Buffer.from([0x41, 0]));
    expect(bus.pushVideo('a', late, 1).packets).toEqual([]);
  });

  it('cuts anyway when the outgoing camera never ends its frame (it dropped mid-frame)', () => {
    const bus = new ProgramBus({ ...OUT, drainLimitMs: 100 });
    const a = new FakeCamera('a', 13);
    const b = new FakeCamera('b', 14);
    bus.addSource('a', 'H264');
    bus.addSource('b', 'H264');
    bus.select('a', 0);
    for (const packet of a.frame()) bus.pushVideo('a', packet, 0);
    bus.pushVideo('a', a.frame()[0]!, 10); // half a frame, then silence
    bus.select('b', 20);
    b.requestKeyFrame();
    const frame = b.frame();
    expect(bus.pushVideo('b', frame[0]!, 30).switched).toBeUndefined();
    const result = bus.pushVideo('b', frame[1]!, 140);
    expect(result.switched?.sourceId).toBe('b');
    expect(result.packets).toHaveLength(2);
  });

  it('holds its guarantees for any schedule of cuts (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.integer({ min: 0, max: 2900 }), camera: fc.integer({ min: 0, max: 2 }) }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 6 }),
        (cuts, packetsPerFrame) => {
          const cameras = [0, 1, 2].map((n) => new FakeCamera(`c${n}`, 20 + n, { packetsPerFrame, gop: 60 }));
          const actions = new Map<number, (bus: ProgramBus) => void>([
            [0, (bus) => { for (const c of cameras) bus.addSource(c.id, 'H264'); select(cameras[0]!)(bus); }],
          ]);
          for (const cut of cuts) actions.set(cut.at + 1, select(cameras[cut.camera]!));
          const run = play(cameras, 3000, actions);
          expectContinuous(run.video, OUT.video);
          expectWholeFrames(run.video);
          for (const cut of run.switches) expect(keyframeStart('H264', run.video[cut.index]!.subarray(12))).toBeDefined();
        },
      ),
      { numRuns: 25 },
    );
  });
});
