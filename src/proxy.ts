import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy } from "~/server/security/csp";

/**
 * Runs before every page and API request: sets a per-request CSP nonce (Next applies it to its own
 * inline scripts) and passes the path on to server layouts, which redirect to sign-in with it.
 * Authorization is not decided here: layouts and every tRPC procedure check the user themselves.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  headers.set("x-flowgate-path", request.nextUrl.pathname + request.nextUrl.search);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
