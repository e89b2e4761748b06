/** The Content-Security-Policy of every answer that is not a page (server/http/securityHeaders.ts): nothing but connecting back. */
export function apiSecurityPolicy(publicUrl: string): string {
  const own = new URL(publicUrl);
  return `default-src 'none';connect-src 'self' ${own.origin} ws://${own.host};frame-ancestors 'none';base-uri 'none';form-action 'none'`;
}
