import { z } from "zod";
import { SourceMapping, SourceStatus, SourceSystemKind } from "./sources.ts";

const DropName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "lower-case letters, digits and dashes, up to 63, starting with a letter or digit");

/** Rows of a CSV: the first row (or `header_row`) names the columns, which mapping paths read as `["Item No"]`. */
export const CsvFormat = z
  .object({
    type: z.literal("csv"),
    /** One character, or up to 4 (e.g. `||`); the most frequent of `,` `;` tab `|` in the header line when left out. */
    delimiter: z.string().min(1).max(4).optional(),
    quote: z.string().length(1).default('"'),
    /** The character that escapes a quote inside a quoted field; the quote itself ("" ) when left out. */
    escape: z.string().length(1).optional(),
    encoding: z.enum(["utf8", "latin1", "utf16le"]).default("utf8"),
    /** The line that names the columns (lines before it are skipped); 0: the file has none, and `columns` names them. */
    header_row: z.number().int().min(0).max(1000).default(1),
    columns: z.array(z.string().min(1).max(200)).min(1).max(1000).optional(),
    /** Consecutive rows that agree on these columns become one payload: the first row, and all of them under `rows`. */
    group_by: z.array(z.string().min(1).max(200)).min(1).max(10).optional(),
  })
  .strict()
  .refine((format) => format.header_row > 0 || format.columns !== undefined, {
    message: "a file without a header row (header_row 0) needs `columns`",
    path: ["columns"],
  });

/** Rows of one sheet of an Excel workbook (.xlsx); cells keep their type (numbers, booleans, dates as ISO text). */
export const XlsxFormat = z
  .object({
    type: z.literal("xlsx"),
    /** The sheet's name; the first sheet when left out. */
    sheet: z.string().min(1).max(100).optional(),
    header_row: z.number().int().min(1).max(1000).default(1),
    /** Consecutive rows that agree on these columns become one payload: the first row, and all of them under `rows`. */
    group_by: z.array(z.string().min(1).max(200)).min(1).max(10).optional(),
  })
  .strict();

/** One JSON value per line (JSON Lines, NDJSON): each is a payload to map. */
export const JsonlFormat = z
  .object({
    type: z.literal("jsonl"),
    encoding: z.enum(["utf8", "latin1", "utf16le"]).default("utf8"),
    /** Consecutive rows that agree on these columns become one payload: the first row, and all of them under `rows`. */
    group_by: z.array(z.string().min(1).max(200)).min(1).max(10).optional(),
  })
  .strict();

export const FileFormat = z.discriminatedUnion("type", [CsvFormat, XlsxFormat, JsonlFormat]);
export type FileFormat = z.infer<typeof FileFormat>;

/** A folder path under the tenant's own folder of the drops root: segments of letters, digits, `.`, `_`, `-`. */
const RelativeFolder = z
  .string()
  .max(300)
  .regex(
    /^(?!.*(^|\/)\.\.?(\/|$))[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/,
    "a relative path of letters, digits, '.', '_' and '-' (no '..'), e.g. erp/items",
  );

export const FolderLocation = z
  .object({
    type: z.literal("folder"),
    /** Under `<CROSSDOCK_FILE_DROPS_DIR>/<tenant id>/`; the drop's name when left out. */
    folder: RelativeFolder.optional(),
  })
  .strict();

export const SftpLocationInput = z
  .object({
    type: z.literal("sftp"),
    host: z.string().min(1).max(255),
    port: z.number().int().min(1).max(65535).default(22),
    username: z.string().min(1).max(200),
    /** One of password and private_key (OpenSSH or PEM text). Kept sealed; never shown again. */
    password: z.string().min(1).max(1000).optional(),
    private_key: z.string().min(1).max(20_000).optional(),
    passphrase: z.string().min(1).max(1000).optional(),
    /** The remote directory files are dropped in; processed/ and failed/ are made inside it. */
    folder: z.string().min(1).max(500).default("."),
    /** The server's host key as `ssh-keygen -lf` prints it (`SHA256:…`): any other key is refused. Unchecked when left out. */
    host_fingerprint: z
      .string()
      .regex(/^SHA256:[A-Za-z0-9+/]{43}=?$/, "SHA256: and the base64 digest, as ssh-keygen -l prints it")
      .optional(),
  })
  .strict();
export type SftpLocationInput = z.infer<typeof SftpLocationInput>;

export const FileDropLocationInput = z.discriminatedUnion("type", [FolderLocation, SftpLocationInput]);

export const FileDropInput = z
  .object({
    name: DropName,
    system: SourceSystemKind,
    /** The `source_system` its records are kept under; the name when left out. */
    source_system: z.string().min(1).max(100).optional(),
    /** How a row becomes records (see GET /api/v1/ingest/mappings and mapping/README.md); a CSV row is an object keyed by its headers. */
    mapping: SourceMapping,
    format: FileFormat,
    location: FileDropLocationInput,
    /** Which files of the folder are taken, by name (`*` and `?`); by format when left out: *.csv *.txt *.tsv, *.xlsx, *.jsonl *.ndjson. */
    pattern: z.string().min(1).max(200).optional(),
    /** A file is taken once its size and modification time have held this long (or it was renamed from `.part`). */
    settle_seconds: z.number().int().min(0).max(3600).default(2),
    /** How often the folder is listed, besides change events (SFTP has none). */
    poll_seconds: z.number().int().min(1).max(86_400).optional(),
    status: SourceStatus.optional(),
  })
  .strict();
export type FileDropInput = z.input<typeof FileDropInput>;

/** A change; an SFTP location given without password or private_key keeps the sealed one. */
export const FileDropUpdate = z
  .object({
    system: SourceSystemKind,
    source_system: z.string().min(1).max(100),
    mapping: SourceMapping,
    format: FileFormat,
    location: FileDropLocationInput,
    pattern: z.string().min(1).max(200),
    settle_seconds: z.number().int().min(0).max(3600),
    poll_seconds: z.number().int().min(1).max(86_400),
    status: SourceStatus,
  })
  .partial()
  .strict();
export type FileDropUpdate = z.input<typeof FileDropUpdate>;

export const FileDropLocation = z.discriminatedUnion("type", [
  z.object({ type: z.literal("folder"), folder: z.string(), /** Where the folder is on the server. */ path: z.string() }),
  z.object({
    type: z.literal("sftp"),
    host: z.string(),
    port: z.number().int(),
    username: z.string(),
    auth: z.enum(["password", "private_key"]),
    folder: z.string(),
    host_fingerprint: z.string().nullable(),
  }),
]);

/** How a drop is doing, from its file imports and its quarantined rows. */
export const FileDropHealth = z.object({
  last_file_at: z.string().nullable(),
  files_last_day: z.number().int(),
  failed_last_day: z.number().int(),
  rows_last_day: z.number().int(),
  /** Share of the last day's rows that were rejected (kept in quarantine). */
  error_rate_last_day: z.number(),
  /** Files found and not yet imported. */
  backlog: z.number().int(),
  /** Age of the oldest file not yet imported. */
  lag_seconds: z.number(),
  /** Rows of its files in quarantine now. */
  quarantined: z.number().int(),
  /** Why its folder could not be listed when last tried (an SFTP server refusing, a folder gone); null when it can. */
  scan_error: z.string().nullable(),
  scan_error_at: z.string().nullable(),
});
export type FileDropHealth = z.infer<typeof FileDropHealth>;

export const FileDrop = z.object({
  /** The drop's source id (`src_…`): its quarantined rows are that source's receipts. */
  id: z.string(),
  name: z.string(),
  system: SourceSystemKind,
  source_system: z.string(),
  mapping: z.record(z.string(), z.unknown()),
  format: FileFormat,
  location: FileDropLocation,
  pattern: z.string(),
  settle_seconds: z.number().int(),
  poll_seconds: z.number().int(),
  status: SourceStatus,
  health: FileDropHealth,
  created_at: z.string(),
  updated_at: z.string(),
});
export type FileDrop = z.infer<typeof FileDrop>;

export const FileImportStatus = z.enum(["pending", "running", "processed", "failed"]);
export type FileImportStatus = z.infer<typeof FileImportStatus>;

/** A row that was not written: where it is in the file, why, and its receipt in quarantine. */
export const FileImportProblem = z.object({
  line: z.number().int(),
  stage: z.enum(["parse", "map", "validate"]),
  path: z.string(),
  message: z.string(),
  receipt_id: z.string().nullable(),
});
export type FileImportProblem = z.infer<typeof FileImportProblem>;

/** What a file import did: also written beside the file in processed/ or failed/ as `<name>.report.json`. */
export const FileImportReport = z.object({
  import_id: z.string(),
  drop: z.string(),
  file_name: z.string(),
  sha256: z.string(),
  size: z.number().int(),
  status: z.enum(["processed", "failed"]),
  started_at: z.string().nullable(),
  finished_at: z.string(),
  duration_ms: z.number(),
  /** Rows read (data rows: the header and empty lines are not counted). */
  rows: z.number().int(),
  /** Records, as the records module counts them (a row may make several, or none). */
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** Rows that could not be read, mapped or validated: each is kept in quarantine as a receipt. */
  rejected: z.number().int(),
  /** Rows the mapping chose to make nothing of (`unmatched: "ignore"`). */
  skipped: z.number().int(),
  rows_per_second: z.number(),
  /** Why the file could not be read to its end; rows before `line` were imported. */
  error: z.object({ message: z.string(), line: z.number().int().nullable() }).nullable(),
  problems: z.array(FileImportProblem),
  problems_omitted: z.number().int(),
  /** The quarantined rows, in the API. */
  quarantine: z.string(),
});
export type FileImportReport = z.infer<typeof FileImportReport>;

export const FileImport = z.object({
  id: z.string(),
  drop_id: z.string(),
  file_name: z.string(),
  sha256: z.string(),
  size: z.number().int(),
  origin: z.enum(["folder", "sftp", "upload"]),
  status: FileImportStatus,
  attempts: z.number().int(),
  rows: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  skipped: z.number().int(),
  /** The same content dropped again since, and not imported again. */
  duplicates: z.number().int(),
  detected_at: z.string(),
  started_at: z.string().nullable(),
  finished_at: z.string().nullable(),
  /** Where the file is now, relative to the drop's folder (processed/… or failed/…). */
  moved_to: z.string().nullable(),
  report: FileImportReport.nullable(),
});
export type FileImport = z.infer<typeof FileImport>;

export const FileImportQuery = z.object({
  /** A drop's id or name. */
  drop: z.string().optional(),
  status: FileImportStatus.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().optional(),
});
export type FileImportQuery = z.infer<typeof FileImportQuery>;

/** What an upload through the API made: the file import it started, or the one of the same content before it. */
export const FileUploaded = z.object({ import: FileImport, duplicate: z.boolean() });
export type FileUploaded = z.infer<typeof FileUploaded>;
