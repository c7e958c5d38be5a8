import { NextResponse, type NextRequest } from "next/server";

// The proxy only turns away requests that obviously have no session; every page, action, route
// handler and query checks the session and the office itself.
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
// /api/test/ guards itself: it exists only in test mode and only for loopback callers.
const PUBLIC_PREFIXES = ["/login", "/api/auth/", "/api/inngest", "/api/webhooks/", "/api/test/", "/r/", "/_next/", "/favicon"];

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (PUBLIC_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(prefix))) return NextResponse.next();
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (hasSession) return NextResponse.next();
  if (pathname.startsWith("/api/") || request.headers.has("next-action")) {
    return NextResponse.json({ error: "unauthorized" }, { status: 401 });
  }
  const login = new URL("/login", request.url);
  if (pathname !== "/") login.searchParams.set("next", pathname);
  return NextResponse.redirect(login);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
