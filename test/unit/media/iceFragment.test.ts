import { describe, expect, it } from 'vitest';
import { parse } from 'sdp-transform';
import { buildIceRestartFragment, parseIceFragment } from '../../../media/whip/IceFragment.js';

describe('trickle-ice-sdpfrag', () => {
  it('reads credentials and candidates of a trickle PATCH', () => {
    const frag = parseIceFragment(
      'a=ice-ufrag:EsAw\r\na=ice-pwd:P2uYro0UCOQ4zxjKXaWCBui1\r\nm=audio 9 RTP/AVP 0\r\na=mid:0\r\n' +
        'a=candidate:1387637174 1 udp 2122260223 192.0.2.1 61764 typ host generation 0 ufrag EsAw network-id 1\r\n' +
        'a=end-of-candidates\r\n',
    );
    expect(frag).toEqual({ iceUfrag: 'EsAw', icePwd: 'P2uYro0UCOQ4zxjKXaWCBui1', candidateCount: 1 });
  });

  it('keeps all-digit credentials as strings', () => {
    expect(parseIceFragment('a=ice-ufrag:1234\r\na=ice-pwd:5678\r\n')).toMatchObject({ iceUfrag: '1234', icePwd: '5678' });
  });

  it('writes a restart answer with new credentials and candidates but no session lines', () => {
    const body = buildIceRestartFragment(
      { usernameFragment: 'newufrag', password: 'newpwd' },
      [{ foundation: 'f', priority: 1, ip: '127.0.0.1', protocol: 'udp', port: 40000, type: 'host' }],
      { type: 'audio', protocol: 'UDP/TLS/RTP/SAVPF', payloads: '111', mid: '0' },
    );
    expect(body).not.toMatch(/^[vost]=/m);
    const parsed = parse(body);
    expect(parsed.iceUfrag).toBe('newufrag');
    expect(parsed.media[0]!.candidates![0]!.port).toBe(40000);
    expect(body).toContain('a=end-of-candidates');
  });
});
