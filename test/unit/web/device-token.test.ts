import { afterEach, describe, expect, it } from 'vitest';
import {
  DEVICE_TOKEN_KEY,
  deviceToken,
  newDeviceToken,
  peekDeviceToken,
  resetMemoryDeviceToken,
} from '../../../web-components/src/qa/device-token.js';

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

/** localStorage as some browsers give it with site data blocked: every call throws. */
const blocked = {
  getItem(): string | null {
    throw new DOMException('blocked', 'SecurityError');
  },
  setItem(): void {
    throw new DOMException('blocked', 'SecurityError');
  },
};

describe('device token', () => {
  afterEach(() => resetMemoryDeviceToken());

  it('is 32 random bytes in base64url: 43 URL-safe characters, different each time', () => {
    const tokens = new Set(Array.from({ length: 50 }, () => newDeviceToken()));
    expect(tokens.size).toBe(50);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('is created once and kept under the documented key', () => {
    const storage = new MemoryStorage();
    expect(DEVICE_TOKEN_KEY).toBe('online-interview.device-token');
    expect(peekDeviceToken(storage)).toBeNull();
    const token = deviceToken(storage);
    expect(storage.getItem(DEVICE_TOKEN_KEY)).toBe(token);
    expect(deviceToken(storage)).toBe(token);
    expect(peekDeviceToken(storage)).toBe(token);
  });

  it('replaces a stored value the server would not accept', () => {
    const storage = new MemoryStorage();
    storage.setItem(DEVICE_TOKEN_KEY, 'short');
    expect(peekDeviceToken(storage)).toBeNull();
    const token = deviceToken(storage);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(storage.getItem(DEVICE_TOKEN_KEY)).toBe(token);
  });

  it('lives in memory for the page when storage is blocked or missing', () => {
    expect(peekDeviceToken(blocked)).toBeNull();
    const token = deviceToken(blocked);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(deviceToken(blocked)).toBe(token);
    expect(peekDeviceToken(null)).toBe(token);
    resetMemoryDeviceToken();
    const other = deviceToken(null);
    expect(other).not.toBe(token);
    expect(deviceToken(null)).toBe(other);
  });
});
