import { LOGO_MAX_CHARS } from "../contract.ts";

const TYPES = new Set(["image/png", "image/jpeg", "image/webp", "image/svg+xml"]);

/** A chosen logo file as the data URL the API stores, or why it cannot be used. */
export async function readLogo(file: File): Promise<{ ok: true; value: string } | { ok: false; message: string }> {
  if (!TYPES.has(file.type)) return { ok: false, message: "Choose a PNG, JPEG, WebP or SVG image." };
  const dataUrl = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
  if (dataUrl.length > LOGO_MAX_CHARS) {
    return { ok: false, message: `The image is too large (${Math.round(file.size / 1024)} KB); the limit is about 190 KB.` };
  }
  return { ok: true, value: dataUrl };
}
