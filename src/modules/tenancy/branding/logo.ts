import { createHash } from "node:crypto";
import { AppError } from "../../../platform/errors.ts";
import type { Branding } from "../contract/index.ts";

export type Logo = { contentType: string; bytes: Buffer };

const DATA_URL = /^data:(image\/(?:png|jpeg|webp|svg\+xml));base64,([A-Za-z0-9+/]+=*)$/;

/** A logo's bytes and media type, from the data URL it is kept as; undefined for anything else. */
export function decodeLogo(dataUrl: string): Logo | undefined {
  const match = DATA_URL.exec(dataUrl);
  if (!match) return undefined;
  return { contentType: match[1] as string, bytes: Buffer.from(match[2] as string, "base64") };
}

/** Whether the bytes are what the data URL says they are: a file's signature, or an SVG root. */
function looksLike(logo: Logo): boolean {
  const { bytes } = logo;
  switch (logo.contentType) {
    case "image/png":
      return bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    case "image/jpeg":
      return bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
    case "image/webp":
      return bytes.subarray(0, 4).toString("latin1") === "RIFF" && bytes.subarray(8, 12).toString("latin1") === "WEBP";
    case "image/svg+xml":
      return /<svg[\s>]/i.test(bytes.subarray(0, 4096).toString("utf8"));
    default:
      return false;
  }
}

/** Refuses a logo whose content is not the image its data URL names (a renamed text file, say). */
export function assertLogoIsImage(dataUrl: string | null | undefined): void {
  if (dataUrl === null || dataUrl === undefined) return;
  const logo = decodeLogo(dataUrl);
  if (!logo || !looksLike(logo)) {
    throw new AppError("validation_failed", "The logo is not a PNG, JPEG, WebP or SVG image", {
      details: [{ path: "logo", message: "the data is not the image its data URL names" }],
    });
  }
}

/** Branding as the audit trail keeps it: the logo as its sha256 and size, not the image. */
export function brandingForAudit(branding: Branding): Record<string, unknown> {
  if (!branding.logo) return { ...branding };
  const logo = decodeLogo(branding.logo);
  return {
    ...branding,
    logo: logo
      ? { sha256: createHash("sha256").update(logo.bytes).digest("hex"), size: logo.bytes.length, content_type: logo.contentType }
      : { sha256: createHash("sha256").update(branding.logo).digest("hex"), size: branding.logo.length },
  };
}
