import pino from 'pino';
import { describe, expect, it } from 'vitest';
import * as ws from 'ws';
import type { QaEventFilter, QaEventRecord } from '../../../server/db/QaEventLog.js';
import { QaFeed, type QaEventSource, type QaSubscriber } from '../../../server/realtime/QaFeed.js';
import { textFrame } from '../../../server/realtime/textFrame.js';

/** ws's own encoder (not in its type definitions): the reference textFrame must match byte for byte. */
const { Sender } = ws as unknown as {
  Sender: { frame(data: Buffer, options: { fin: boolean; opcode: number; mask: boolean; readOnly: boolean }): Buffer[] };
};

describe('textFrame', () => {
  it.each([0, 1, 125, 126, 65_535, 65_536, 200_000])('encodes %i bytes exactly as ws does', (bytes) => {
    const text = 'a'.repeat(bytes);
    expect(textFrame(text).equals(Buffer.concat(Sender.frame(Buffer.from(text), { fin: true, opcode: 1, mask: false, readOnly: false })))).toBe(true);
  });

  it('counts UTF-8 bytes, not characters', () => {
    const text = '网友提问：'.repeat(30); // 150 characters, 450 bytes
    const frame = textFrame(text);
    expect(frame[1]).toBe(126);
    expect(frame.readUInt16BE(2)).toBe(450);
    expect(frame.subarray(4).toString('utf8')).toBe(text);
  });
});

/** The text messages in a run of frames written by the feed. */
function messages(frames: Buffer): { type: string; seq: number }[] {
  const out: { type: string; seq: number }[] = [];
  for (let at = 0; at < frames.length; ) {
    expect(frames[at]).toBe(0x81);
    let length = frames[at + 1]!;
    let header = 2;
    if (length === 126) [length, header] = [frames.readUInt16BE(at + 2), 4];
    else if (length === 127) [length, header] = [frames.readUInt32BE(at + 6), 10];
    out.push(JSON.parse(frames.subarray(at + header, at + header + length).toString('utf8')) as { type: string; seq: number });
    at += header + length;
  }
  return out;
}

/** The log in memory: this tests the feed's ordering, not PostgreSQL (the integration tests do that). */
class MemoryLog implements QaEventSource {
  readonly events: QaEventRecord[] = [];

  append(audience: QaEventRecord['audience'], deviceHash: string | null = null): number {
    const seq = this.events.length + 1;
    this.events.push({ seq, audience, deviceHash, type: 'question', payload: { id: `q${seq}` } });
    return seq;
  }

  async lastSeq(): Promise<number | null> {
    return this.events.length;
  }

  async eventsAfter(_id: string, after: number, upTo: number | null, filter: QaEventFilter, limit: number): Promise<QaEventRecord[]> {
    return this.events
      .filter((e) => e.seq > after && (upTo === null || e.seq <= upTo) && visible(filter, e))
      .slice(0, limit);
  }
}

function visible(filter: QaEventFilter, event: QaEventRecord): boolean {
  if (filter.everyAudience || event.audience === 'public') return true;
  return event.audience === 'device' && filter.deviceHash !== null && event.deviceHash === filter.deviceHash;
}

class Recorder implements QaSubscriber {
  readonly seqs: number[] = [];
  synced = false;
  onEvent: (seq: number) => void = () => undefined;

  constructor(readonly filter: QaEventFilter) {}

  send(frames: Buffer): boolean {
    for (const message of messages(frames)) {
      if (message.type === 'qa-synced') this.synced = true;
      else {
        this.seqs.push(message.seq);
        this.onEvent(message.seq);
      }
    }
    return true;
  }

  async drained(): Promise<boolean> {
    return true;
  }
}

const INTERVIEW = '00000000-0000-4000-8000-000000000001';

async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 2000 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(done()).toBe(true);
}

describe('QaFeed fan-out in slices', () => {
  it('delivers every event once and in order while sockets leave and join and events arrive mid-fan-out', async () => {
    const log = new MemoryLog();
    log.append('public');
    log.append('staff');
    log.append('device', 'd1');
    const feed = new QaFeed(log, pino({ level: 'silent' }), { fanOutSlice: 2 });
    const viewers = Array.from({ length: 6 }, () => new Recorder({ everyAudience: false, deviceHash: null }));
    const asker = new Recorder({ everyAudience: false, deviceHash: 'd1' });
    const staff = new Recorder({ everyAudience: true });
    const leaver = viewers[4]!;
    for (const subscriber of [...viewers, asker, staff]) await feed.subscribe(INTERVIEW, subscriber, 0);

    // While the first of the new events is being fanned out (the feed yields every 2 sockets): one viewer leaves,
    // another joins from the start, and more events are committed and announced.
    const late = new Recorder({ everyAudience: false, deviceHash: 'd1' });
    let joining: Promise<void> | undefined;
    viewers[1]!.onEvent = (seq) => {
      if (seq !== 4 || joining) return;
      feed.unsubscribe(INTERVIEW, leaver);
      joining = feed.subscribe(INTERVIEW, late, 0);
      log.append('public');
      log.append('device', 'd1');
      feed.notify(INTERVIEW, log.append('public'));
    };
    log.append('public');
    log.append('device', 'd2');
    feed.notify(INTERVIEW, log.append('staff'));

    await until(() => late.synced && staff.seqs.length === 9 && viewers[0]!.seqs.includes(9));
    await joining;
    const publicSeqs = [1, 4, 7, 9];
    for (const viewer of viewers) if (viewer !== leaver) expect(viewer.seqs).toEqual(publicSeqs);
    expect(leaver.seqs).toEqual([1]);
    expect(asker.seqs).toEqual([1, 3, 4, 7, 8, 9]);
    expect(late.seqs).toEqual([1, 3, 4, 7, 8, 9]);
    expect(staff.seqs).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    feed.close();
  });
});
