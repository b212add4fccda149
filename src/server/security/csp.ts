/**
 * The Content-Security-Policy for pages: scripts only from this origin with the request's nonce,
 * no plugins, no framing by other sites, forms and connections only to this origin. Styles allow
 * inline attributes because the canvas positions nodes with them. Development adds 'unsafe-eval'
 * for React's fast refresh.
 */
export function contentSecurityPolicy(nonce: string, development: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
