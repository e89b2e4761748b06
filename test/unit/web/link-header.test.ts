import { describe, expect, it } from 'vitest';
import { parseIceServers } from '../../../web-components/src/whip/link-header.js';

describe('parseIceServers', () => {
  it('reads STUN and TURN servers with credentials (RFC 9725 examples)', () => {
    const header =
      '<stun:stun.example.net>; rel="ice-server", ' +
      '<turn:turn.example.net?transport=udp>; rel="ice-server"; username="user"; credential="myPassword"; credential-type="password"';
    expect(parseIceServers(header)).toEqual([
      { urls: 'stun:stun.example.net' },
      { urls: 'turn:turn.example.net?transport=udp', username: 'user', credential: 'myPassword' },
    ]);
  });

  it('handles escapes, token values, odd spacing and case', () => {
    expect(parseIceServers('<turns:t.example:5349>;REL=ice-server;username="a\\"b";credential="p,q;r"')).toEqual([
      { urls: 'turns:t.example:5349', username: 'a"b', credential: 'p,q;r' },
    ]);
  });

  it('skips other relations, non-ICE URLs, oauth credentials and garbage', () => {
    const header = [
      '</whip/abc>; rel="self"',
      '<https://example.net/>; rel="ice-server"',
      '<turn:o.example>; rel="ice-server"; credential-type="oauth"',
      'garbage without brackets',
      '<stun:ok.example>; rel="preconnect ice-server"',
      '<stun:unterminated',
    ].join(', ');
    expect(parseIceServers(header)).toEqual([{ urls: 'stun:ok.example' }]);
  });

  it('returns nothing for a missing header', () => {
    expect(parseIceServers(null)).toEqual([]);
    expect(parseIceServers('')).toEqual([]);
  });

  it('keeps the first occurrence of a repeated parameter', () => {
    expect(parseIceServers('<stun:a.example>; rel="ice-server"; rel="other"')).toEqual([{ urls: 'stun:a.example' }]);
  });
});
