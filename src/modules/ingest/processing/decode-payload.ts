export type Decoded = { ok: true; value: unknown } | { ok: false; message: string };

/** A webhook's payload as a value to map: JSON (the only kind webhooks carry yet), read as UTF-8. */
export function decodePayload(body: Buffer, contentType: string | null): Decoded {
  const type = (contentType ?? "application/json").split(";")[0]?.trim().toLowerCase() ?? "";
  if (type !== "application/json" && !type.endsWith("+json")) {
    return { ok: false, message: `A ${type} payload cannot be read: webhooks carry application/json` };
  }
  // Bytes that are not UTF-8 become U+FFFD, as a lenient TextDecoder would make them.
  const text = body.toString("utf8");
  try {
    return { ok: true, value: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) };
  } catch (error) {
    return { ok: false, message: `The payload is not valid JSON: ${(error as Error).message}` };
  }
}
