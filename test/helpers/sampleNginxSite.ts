import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SAMPLE = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'nginx.conf');

export interface SampleSiteAddresses {
  /** The two API processes (http://host:port). */
  api: [string, string];
  /** The media node. */
  media: string;
}

/**
 * docs/nginx.conf as a test runs it: the sample's own text with only its addresses, port and cache directory
 * replaced, so the test checks the file operators copy. Fails when the sample no longer has what it replaces.
 */
export function sampleNginxSite(addresses: SampleSiteAddresses, vars: { port: number; dir: string }): string {
  const hostPort = (url: string) => new URL(url).host;
  const replacements: [string, string][] = [
    ['listen 80;', `listen 127.0.0.1:${vars.port};`],
    ['server 127.0.0.1:8081 ', `server ${hostPort(addresses.api[0])} `],
    ['server 127.0.0.1:8082 ', `server ${hostPort(addresses.api[1])} `],
    ['server 127.0.0.1:8080;', `server ${hostPort(addresses.media)};`],
    ['/var/cache/nginx/online-interview', path.join(vars.dir, 'hls-cache')],
  ];
  let text = fs.readFileSync(SAMPLE, 'utf8');
  for (const [from, to] of replacements) {
    const count = text.split(from).length - 1;
    if (count !== 1) throw new Error(`docs/nginx.conf: expected "${from}" once, found it ${count} times`);
    text = text.replace(from, to);
  }
  return text;
}
