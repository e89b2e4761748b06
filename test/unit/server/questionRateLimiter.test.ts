import { afterEach, describe, expect, it } from 'vitest';
import { InvalidConfigError } from '../../../server/config/InvalidConfigError.js';
import { loadConfig } from '../../../server/config/loadConfig.js';
import { QaRateLimitedError } from '../../../server/qa/QaRateLimitedError.js';
import { QuestionRateLimiter } from '../../../server/qa/QuestionRateLimiter.js';

const HOUR = 3_600_000;
const limiters: QuestionRateLimiter[] = [];
afterEach(() => {
  for (const limiter of limiters.splice(0)) limiter.close();
});

function limiter(perIpPerHour: number): QuestionRateLimiter {
  const made = new QuestionRateLimiter({ perIpPerHour });
  limiters.push(made);
  return made;
}

describe('questionsPerIpPerHour', () => {
  it('defaults to 30 and is read from OI_QUESTIONS_PER_IP_PER_HOUR', () => {
    expect(loadConfig({}).questionsPerIpPerHour).toBe(30);
    expect(loadConfig({ OI_QUESTIONS_PER_IP_PER_HOUR: '500' }).questionsPerIpPerHour).toBe(500);
    expect(() => loadConfig({ OI_QUESTIONS_PER_IP_PER_HOUR: '0' })).toThrow(InvalidConfigError);
    expect(() => loadConfig({ OI_QUESTIONS_PER_IP_PER_HOUR: '2.5' })).toThrow(/questionsPerIpPerHour \(OI_QUESTIONS_PER_IP_PER_HOUR\)/);
  });

  it('lets that many questions from one address through in an hour, from different devices, then refuses until one ages out', () => {
    const limits = limiter(3);
    const t0 = 1_000_000;
    for (let i = 0; i < 3; i++) limits.take(`device-${i}`, 'office', t0 + i * 60_000);
    const refusal = (() => {
      try {
        limits.take('device-3', 'office', t0 + 5 * 60_000);
      } catch (error) {
        return error;
      }
      return null;
    })();
    expect(refusal).toBeInstanceOf(QaRateLimitedError);
    // The first question leaves the hour's window 55 minutes later.
    expect((refusal as QaRateLimitedError).retryAfterSeconds).toBe(55 * 60);
    // Another address is not affected, and the refused attempt was not counted.
    expect(() => limits.take('device-4', 'school', t0 + 5 * 60_000)).not.toThrow();
    expect(() => limits.take('device-3', 'office', t0 + HOUR + 1)).not.toThrow();
  });

  it('applies the same per-device limits whatever the address allows', () => {
    const limits = limiter(1000);
    limits.take('phone', 'proxy', 0);
    expect(() => limits.take('phone', 'proxy', 10_000)).toThrow(QaRateLimitedError);
  });
});
