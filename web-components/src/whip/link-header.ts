/**
 * Parses the ICE servers a WHIP endpoint announces in `Link` headers (RFC 9725 §4.6), e.g.
 *   Link: <turn:turn.example.net?transport=udp>; rel="ice-server"; username="u"; credential="p"; credential-type="password"
 * fetch() joins repeated headers with ", ", so one string may hold several links.
 * Best effort: anything malformed is skipped rather than thrown, since ICE servers are optional here.
 */
export function parseIceServers(header: string | null | undefined): RTCIceServer[] {
  const servers: RTCIceServer[] = [];
  for (const link of parseLinks(header ?? '')) {
    const rels = (link.params.rel ?? '').toLowerCase().split(/\s+/);
    if (!rels.includes('ice-server')) continue;
    if (!/^(stuns?|turns?):/i.test(link.target)) continue;
    const type = link.params['credential-type'];
    if (type !== undefined && type.toLowerCase() !== 'password') continue;
    const server: RTCIceServer = { urls: link.target };
    if (link.params.username !== undefined) server.username = link.params.username;
    if (link.params.credential !== undefined) server.credential = link.params.credential;
    servers.push(server);
  }
  return servers;
}

interface Link {
  target: string;
  params: Record<string, string>;
}

/** A small RFC 8288 link-value tokenizer: `<uri>` then `; name=value` pairs, values as tokens or quoted strings. */
function parseLinks(text: string): Link[] {
  const links: Link[] = [];
  let i = 0;
  const skip = (chars: string) => {
    while (i < text.length && chars.includes(text[i]!)) i++;
  };
  while (i < text.length) {
    skip(' \t,');
    if (text[i] !== '<') {
      // Not a link-value: drop everything up to the next comma.
      const next = text.indexOf(',', i);
      if (next < 0) break;
      i = next + 1;
      continue;
    }
    const end = text.indexOf('>', i);
    if (end < 0) break;
    const link: Link = { target: text.slice(i + 1, end).trim(), params: {} };
    i = end + 1;
    for (;;) {
      skip(' \t');
      if (text[i] !== ';') break;
      i++;
      skip(' \t');
      const nameMatch = /^[^=;,\s]+/.exec(text.slice(i));
      if (!nameMatch) break;
      const name = nameMatch[0].toLowerCase();
      i += name.length;
      skip(' \t');
      let value = '';
      if (text[i] === '=') {
        i++;
        skip(' \t');
        if (text[i] === '"') {
          i++;
          while (i < text.length && text[i] !== '"') {
            if (text[i] === '\\') i++;
            value += text[i] ?? '';
            i++;
          }
          i++;
        } else {
          const tokenMatch = /^[^;,\s]*/.exec(text.slice(i));
          value = tokenMatch ? tokenMatch[0] : '';
          i += value.length;
        }
      }
      // RFC 8288: only the first occurrence of a parameter counts.
      if (!(name in link.params)) link.params[name] = value;
    }
    links.push(link);
  }
  return links;
}
