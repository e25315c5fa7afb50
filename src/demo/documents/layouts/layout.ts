import type { Surface } from "../render/surface.ts";
import type { Formats } from "../truth/formats.ts";
import type { TruthRecorder } from "../truth/recorder.ts";

/** One way of printing a kind of document: its name in the truth, its habits, and its drawing. */
export type Layout<Content> = {
  name: string;
  formats: Formats;
  render(surface: Surface, content: Content, record: TruthRecorder): void;
};
