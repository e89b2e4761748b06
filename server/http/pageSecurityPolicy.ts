import crypto from 'node:crypto';

const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc\s*=)[^>]*>([\s\S]*?)<\/script>/gi;
const INLINE_STYLE = /<style\b[^>]*>([\s\S]*?)<\/style>/gi;

/**
 * The Content-Security-Policy of a built page: scripts and styles from this server only, plus the page's own inline
 * <script> and <style> elements by their sha256, so no 'unsafe-inline' is needed and an injected one never runs.
 * lit's component styles are constructable stylesheets, which style-src does not govern. `frameAncestors`: who may
 * embed the page ('none' for the console).
 */
export function pageSecurityPolicy(html: string, options: { publicUrl: string; frameAncestors: readonly string[] }): string {
  const own = new URL(options.publicUrl);
  const socket = `${own.protocol === 'https:' ? 'wss:' : 'ws:'}//${own.host}`;
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'", ...hashes(html, INLINE_SCRIPT)],
    ['style-src', "'self'", ...hashes(html, INLINE_STYLE)],
    // data: for the pages' empty favicon, blob: for picture previews before upload.
    ['img-src', "'self'", own.origin, 'data:', 'blob:'],
    // hls.js plays through Media Source Extensions (blob: URLs).
    ['media-src', "'self'", own.origin, 'blob:'],
    ['connect-src', "'self'", own.origin, socket],
    ['font-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'self'"],
    ['frame-ancestors', ...(options.frameAncestors.length > 0 ? options.frameAncestors : ["'none'"])],
  ];
  if (own.protocol === 'https:') directives.push(['upgrade-insecure-requests']);
  return directives.map((directive) => directive.join(' ')).join('; ');
}

function hashes(html: string, pattern: RegExp): string[] {
  return [...html.matchAll(pattern)].map((match) => `'sha256-${crypto.createHash('sha256').update(match[1]!, 'utf8').digest('base64')}'`);
}
