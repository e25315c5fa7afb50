/**
 * One row of a dropped file, as read, before any mapping. `line` is where it starts in the file (a
 * sheet's row number for XLSX). A row that could not be read keeps its text and says why: it is
 * quarantined as it is, never dropped.
 */
export type FileRow =
  /** `firstLine`: where a group of rows starts (see group-rows.ts); `line` is then its last row's. */
  { line: number; ok: true; value: unknown; firstLine?: number } | { line: number; ok: false; message: string; body: string };

/**
 * The file cannot be read on from `line` (a quote never closed, a workbook that is not one): the
 * rows before it stand, the import fails with this message, and the file goes to failed/.
 */
export class FileReadError extends Error {
  constructor(
    message: string,
    readonly line: number | null,
  ) {
    super(message);
    this.name = "FileReadError";
  }
}

/** The largest row kept: a bigger one stops the file (a quote never closed swallows the rest of it). */
export const MAX_ROW_BYTES = 4 * 1024 * 1024;
