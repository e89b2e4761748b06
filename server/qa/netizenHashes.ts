import crypto from 'node:crypto';

/**
 * Netizens have no account: their browser keeps a random device token, and the server stores only its sha256, so a
 * leaked database cannot be used to read anyone's questions as them. The token is 32+ random characters: a fast hash
 * is enough.
 */
export function hashDeviceToken(token: string): string {
  return sha256(`device:${token}`);
}

/**
 * The asker's IP address as a hash, kept for abuse handling without storing the address itself. This is
 * pseudonymisation, not anonymity: the IPv4 space is small enough to enumerate, so the hashes stay as private as the
 * rest of the database.
 */
export function hashIpAddress(ip: string): string {
  return sha256(`ip:${ip}`);
}

function sha256(text: string): string {
  return crypto.createHash('sha256').update(text, 'utf8').digest('hex');
}
