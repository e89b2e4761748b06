/** A received message's headers (unfolded, encoded words decoded, names lower-case) and its decoded text body. */
export interface ReadMessage {
  headers: Map<string, string>;
  text: string;
}

/**
 * Reads a single-part text message as nodemailer writes one: RFC 5322 headers with RFC 2047 encoded words (B or Q),
 * a body in base64, quoted-printable or 7/8 bit. Throws on a multipart message (not what the reminders send).
 */
export function readMimeMessage(raw: string): ReadMessage {
  const split = raw.indexOf('\r\n\r\n');
  const headers = new Map<string, string>();
  for (const field of raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = field.indexOf(':');
    headers.set(field.slice(0, colon).trim().toLowerCase(), decodeWords(field.slice(colon + 1).trim()));
  }
  if (/^multipart\//i.test(headers.get('content-type') ?? '')) throw new Error('readMimeMessage reads single-part messages only');
  const body = raw.slice(split + 4);
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  const bytes =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64')
      : encoding === 'quoted-printable'
        ? quotedPrintable(body.replace(/=\r\n/g, ''))
        : Buffer.from(body, 'utf8');
  return { headers, text: bytes.toString('utf8').replace(/\r\n/g, '\n').trimEnd() };
}

/** RFC 2047 encoded words (=?charset?B|Q?text?=), UTF-8 only; whitespace between adjacent words is dropped. */
function decodeWords(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_word, kind: string, text: string) =>
      (kind.toLowerCase() === 'b' ? Buffer.from(text, 'base64') : quotedPrintable(text.replace(/_/g, ' '))).toString('utf8'),
    );
}

function quotedPrintable(text: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '=' && /^[0-9A-F]{2}$/i.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(text[i]!, 'utf8'));
  }
  return Buffer.from(bytes);
}
