import { describe, expect, it } from 'vitest';
import { PASSWORD_MAX_LENGTH, passwordProblem } from '../../../server/auth/passwordPolicy.js';

describe('passwordProblem (ASVS 2.1)', () => {
  it('accepts a passphrase of 12 characters or more, with any characters and no composition rules', () => {
    for (const ok of ['correct horse battery', 'alllowercaseletters', '太白县在线访谈节目的密码', 'x'.repeat(2) + 'yz' + 'w'.repeat(8), 'é'.repeat(3) + 'abcdefghi']) {
      expect(passwordProblem(ok)).toBeNull();
    }
    expect(passwordProblem('a1b2c3d4e5f6'.padEnd(PASSWORD_MAX_LENGTH, 'z'))).toBeNull();
  });

  it('counts characters, not bytes or UTF-16 units', () => {
    expect(passwordProblem('在线访谈密码很长吧真的')).toMatch(/at least 12/);
    expect(passwordProblem('😀😁😂🤣😃😄😅😆😉😊😋')).toMatch(/at least 12/);
  });

  it('refuses short, overlong, common, repetitive passwords and ones holding the username', () => {
    expect(passwordProblem('short-pass1')).toMatch(/at least 12/);
    expect(passwordProblem('y'.repeat(PASSWORD_MAX_LENGTH + 1))).toMatch(/at most 128/);
    expect(passwordProblem('Password1234')).toMatch(/most common/);
    expect(passwordProblem('1qaz2wsx3edc')).toMatch(/most common/);
    expect(passwordProblem('abababababab')).toMatch(/too few characters/);
    expect(passwordProblem('zhangsan-studio-2026', 'ZhangSan')).toMatch(/username/);
    expect(passwordProblem('zhangsan-studio-2026', 'li')).toBeNull();
  });
});
