import type { Context } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";

export const SESSION_COOKIE = "crossdock_session";

/**
 * The console's session cookie: httpOnly, SameSite=Lax, Secure when people reach Crossdock over
 * https (the request itself, or the public URL a proxy serves it at). Its life follows the
 * session's, and is renewed whenever the session slides.
 */
export function setSessionCookie(c: Context, token: string, options: { ttlHours: number; publicUrl?: string | undefined }): void {
  const https = new URL(c.req.url).protocol === "https:" || (options.publicUrl?.startsWith("https:") ?? false);
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "Lax",
    secure: https,
    path: "/",
    maxAge: Math.round(options.ttlHours * 3600),
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/" });
}
