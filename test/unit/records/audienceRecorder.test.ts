import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { AudienceRepository, AudienceSample } from '../../../server/db/AudienceRepository.js';
import { AudienceRecorder } from '../../../server/realtime/AudienceRecorder.js';

/** A repository that keeps what it is asked to write, and fails when told to. */
class FakeAudience {
  writes: AudienceSample[][] = [];
  failNext = false;

  async record(samples: readonly AudienceSample[]): Promise<void> {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('database down');
    }
    this.writes.push([...samples]);
  }
}

let recorder: AudienceRecorder | null = null;
afterEach(async () => {
  await recorder?.close();
});

function start(fake: FakeAudience): AudienceRecorder {
  recorder = new AudienceRecorder(fake as unknown as AudienceRepository, pino({ level: 'silent' }));
  return recorder;
}

describe('AudienceRecorder', () => {
  it('writes the sockets opened and the highest count seen since the last write, once per flush', async () => {
    const fake = new FakeAudience();
    const audience = start(fake);
    audience.joined('a');
    audience.joined('a');
    audience.watching('a', 2);
    audience.watching('a', 1);
    audience.joined('b');
    await audience.flush();
    expect(fake.writes).toEqual([
      [
        { interviewId: 'a', joined: 2, watching: 2 },
        { interviewId: 'b', joined: 1, watching: 0 },
      ],
    ]);
    await audience.flush();
    expect(fake.writes).toHaveLength(1);
  });

  it('does not rewrite a steady audience, only a new peak', async () => {
    const fake = new FakeAudience();
    const audience = start(fake);
    audience.watching('a', 5);
    await audience.flush();
    audience.watching('a', 5);
    audience.watching('a', 4);
    await audience.flush();
    expect(fake.writes).toHaveLength(1);
    audience.watching('a', 6);
    await audience.flush();
    expect(fake.writes[1]).toEqual([{ interviewId: 'a', joined: 0, watching: 6 }]);
  });

  it('keeps what a failed write held and writes it with the next one, and writes the rest at close', async () => {
    const fake = new FakeAudience();
    const audience = start(fake);
    audience.joined('a');
    audience.watching('a', 3);
    fake.failNext = true;
    await audience.flush();
    expect(fake.writes).toEqual([]);
    audience.joined('a');
    await audience.close();
    expect(fake.writes).toEqual([[{ interviewId: 'a', joined: 2, watching: 3 }]]);
  });
});
