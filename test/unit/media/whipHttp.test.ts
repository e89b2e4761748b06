import { describe, expect, it } from 'vitest';
import { bearerToken, iceServerLinks } from '../../../server/http/whipRouter.js';

describe('bearerToken', () => {
  it.each([
    ['Bearer abc', 'abc'],
    ['bearer abc', 'abc'],
    ['BEARER   abc  ', 'abc'],
  ])('reads %j', (header, token) => expect(bearerToken(header)).toBe(token));

  it.each([undefined, '', 'abc', 'Basic abc', 'Bearer', 'Bearer a b'])('refuses %j', (header) =>
    expect(bearerToken(header)).toBeUndefined(),
  );
});

describe('iceServerLinks', () => {
  it('writes STUN and TURN servers as RFC 9725 Link values', () => {
    expect(
      iceServerLinks([
        { urls: 'stun:stun.example.net' },
        { urls: ['turn:turn.example.net?transport=udp'], username: 'u', credential: 'p"w' },
      ]),
    ).toEqual([
      '<stun:stun.example.net>; rel="ice-server"',
      '<turn:turn.example.net?transport=udp>; rel="ice-server"; username="u"; credential="p\\"w"; credential-type="password"',
    ]);
  });
});
