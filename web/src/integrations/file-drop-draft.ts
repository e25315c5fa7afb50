import type { FileDrop, FileDropInput, FileDropUpdate, SourceSystemKind } from "../contract.ts";

/** The file-drop form as typed: text as entered, turned into the API's input by fileDropInput. */
export type FileDropDraft = {
  name: string;
  system: SourceSystemKind;
  sourceSystem: string;
  format: "csv" | "xlsx" | "jsonl";
  /** CSV: left empty, the server picks the most frequent of , ; tab | in the header line. */
  delimiter: string;
  /** CSV and Excel: the line naming the columns. */
  headerRow: string;
  /** Excel: the sheet; left empty, the first. */
  sheet: string;
  /** Columns, comma-separated, whose consecutive equal values make one payload (order lines under their order). */
  groupBy: string;
  location: "folder" | "sftp";
  /** Folder: under the tenant's folder of the drops root; left empty, the drop's name. */
  folder: string;
  host: string;
  port: string;
  username: string;
  auth: "password" | "private_key";
  password: string;
  privateKey: string;
  passphrase: string;
  remoteFolder: string;
  fingerprint: string;
  pattern: string;
  settleSeconds: string;
};

export const EMPTY_FILE_DROP: FileDropDraft = {
  name: "",
  system: "erp",
  sourceSystem: "",
  format: "csv",
  delimiter: "",
  headerRow: "1",
  sheet: "",
  groupBy: "",
  location: "folder",
  folder: "",
  host: "",
  port: "22",
  username: "",
  auth: "password",
  password: "",
  privateKey: "",
  passphrase: "",
  remoteFolder: "",
  fingerprint: "",
  pattern: "",
  settleSeconds: "2",
};

/** Where a file drop's own mapping starts: an item master exported as CSV, columns by their headers. */
export const FILE_MAPPING_START = JSON.stringify(
  {
    version: 1,
    description: "Item master CSV → items",
    records: [
      {
        type: "item",
        fields: {
          external_id: '["Item No"]',
          sku: '["Item No"]',
          name: "Description",
          base_uom: { path: "UOM", case: "upper", default: "EA" },
          list_price: '["List Price"]',
          currency: { path: "Currency", default: "USD" },
        },
      },
    ],
  },
  null,
  2,
);

/** A number as typed; text that is not one is sent as it is, for the server to name the field it is wrong in. */
function numberOf(text: string): number | string {
  const trimmed = text.trim();
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

const columns = (text: string) =>
  text
    .split(",")
    .map((column) => column.trim())
    .filter(Boolean);

function formatOf(draft: FileDropDraft): FileDropInput["format"] {
  const groupBy = columns(draft.groupBy);
  const grouped = groupBy.length > 0 ? { group_by: groupBy } : {};
  if (draft.format === "jsonl") return { type: "jsonl", ...grouped };
  const headerRow = numberOf(draft.headerRow) as number;
  if (draft.format === "xlsx") {
    return { type: "xlsx", header_row: headerRow, ...(draft.sheet.trim() ? { sheet: draft.sheet.trim() } : {}), ...grouped };
  }
  // A delimiter may be a tab or spaces: kept as typed, only an empty one is left out.
  return { type: "csv", header_row: headerRow, ...(draft.delimiter ? { delimiter: draft.delimiter } : {}), ...grouped };
}

/** `keepSecret`: a password or key left empty is not sent, so the server keeps the sealed one (a change). */
function locationOf(draft: FileDropDraft, keepSecret = false): FileDropInput["location"] {
  if (draft.location === "folder") return { type: "folder", ...(draft.folder.trim() ? { folder: draft.folder.trim() } : {}) };
  const given = draft.auth === "password" ? draft.password : draft.privateKey;
  const secret =
    keepSecret && !given
      ? {}
      : draft.auth === "password"
        ? { password: draft.password }
        : { private_key: draft.privateKey, ...(draft.passphrase ? { passphrase: draft.passphrase } : {}) };
  return {
    type: "sftp",
    host: draft.host.trim(),
    port: numberOf(draft.port) as number,
    username: draft.username.trim(),
    ...secret,
    ...(draft.remoteFolder.trim() ? { folder: draft.remoteFolder.trim() } : {}),
    ...(draft.fingerprint.trim() ? { host_fingerprint: draft.fingerprint.trim() } : {}),
  };
}

/** What POST /api/v1/ingest/file-drops is sent for a draft and its mapping. */
export function fileDropInput(draft: FileDropDraft, mapping: Record<string, unknown>): FileDropInput {
  return {
    name: draft.name.trim(),
    system: draft.system,
    ...(draft.sourceSystem.trim() ? { source_system: draft.sourceSystem.trim() } : {}),
    mapping: mapping as FileDropInput["mapping"],
    format: formatOf(draft),
    location: locationOf(draft),
    ...(draft.pattern.trim() ? { pattern: draft.pattern.trim() } : {}),
    settle_seconds: numberOf(draft.settleSeconds) as number,
  };
}

/** A drop as stored, as the form shows it for a change (its password or key is never shown: left empty, it is kept). */
export function draftOfFileDrop(drop: FileDrop): FileDropDraft {
  const format = drop.format as {
    type: FileDropDraft["format"];
    delimiter?: string;
    header_row?: number;
    sheet?: string;
    group_by?: string[];
  };
  const location = drop.location;
  return {
    ...EMPTY_FILE_DROP,
    name: drop.name,
    system: drop.system,
    sourceSystem: drop.source_system,
    format: format.type,
    delimiter: format.delimiter ?? "",
    headerRow: String(format.header_row ?? 1),
    sheet: format.sheet ?? "",
    groupBy: (format.group_by ?? []).join(", "),
    location: location.type,
    folder: location.type === "folder" ? location.folder : "",
    ...(location.type === "sftp"
      ? {
          host: location.host,
          port: String(location.port),
          username: location.username,
          auth: location.auth,
          remoteFolder: location.folder,
          fingerprint: location.host_fingerprint ?? "",
        }
      : {}),
    pattern: drop.pattern,
    settleSeconds: String(drop.settle_seconds),
  };
}

/** What PATCH /api/v1/ingest/file-drops/{id} is sent for a changed draft: its files and where they are. */
export function fileDropUpdate(draft: FileDropDraft): FileDropUpdate {
  return {
    format: formatOf(draft),
    location: locationOf(draft, true),
    ...(draft.pattern.trim() ? { pattern: draft.pattern.trim() } : {}),
    settle_seconds: numberOf(draft.settleSeconds) as number,
  };
}
