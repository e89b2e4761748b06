import { describe, expect, it } from 'vitest';
import { banApplies, banExpiry, banScope, type Asker, type QuestionBan } from '../../../server/domain/qa/bans.js';
import { INTERVIEW_ID, now } from './fixtures.js';

const asker: Asker = { interviewId: INTERVIEW_ID, deviceHash: 'device-a', ipHash: 'ip-a' };

function ban(fields: Partial<QuestionBan> = {}): QuestionBan {
  return { id: 'b1', interviewId: INTERVIEW_ID, deviceHash: 'device-a', ipHash: 'ip-a', expiresAt: null, ...fields };
}

describe('banApplies', () => {
  it('stops the banned device, whatever its address', () => {
    expect(banApplies(ban({ ipHash: null }), { ...asker, ipHash: 'ip-b' }, now)).toBe(true);
    expect(banApplies(ban({ ipHash: 'ip-x' }), { ...asker, ipHash: null }, now)).toBe(true);
  });

  it('stops another device from the banned address', () => {
    expect(banApplies(ban(), { ...asker, deviceHash: 'device-b' }, now)).toBe(true);
  });

  it('lets another device from another address ask, and an unknown address never matches', () => {
    expect(banApplies(ban(), { ...asker, deviceHash: 'device-b', ipHash: 'ip-b' }, now)).toBe(false);
    expect(banApplies(ban({ deviceHash: null }), { ...asker, ipHash: null }, now)).toBe(false);
  });

  it('applies in its own interview only, unless it covers every interview', () => {
    const elsewhere = { ...asker, interviewId: 'another-interview' };
    expect(banApplies(ban(), elsewhere, now)).toBe(false);
    expect(banApplies(ban({ interviewId: null }), elsewhere, now)).toBe(true);
  });

  it('ends when it expires', () => {
    expect(banApplies(ban({ expiresAt: new Date(now.getTime() + 1) }), asker, now)).toBe(true);
    expect(banApplies(ban({ expiresAt: now }), asker, now)).toBe(false);
    expect(banApplies(ban({ expiresAt: new Date(now.getTime() - 1000) }), asker, now)).toBe(false);
  });
});

describe('banExpiry and banScope', () => {
  it('counts whole days from now, or never ends', () => {
    expect(banExpiry(now, 7)).toEqual(new Date(now.getTime() + 7 * 86_400_000));
    expect(banExpiry(now, null)).toBeNull();
  });

  it('names the scope of a stored ban', () => {
    expect(banScope({ interviewId: null })).toBe('all');
    expect(banScope({ interviewId: INTERVIEW_ID })).toBe('interview');
  });
});
