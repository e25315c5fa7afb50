import { describe, expect, it } from "vitest";
import { FileDrop, FileDropInput, FileDropUpdate } from "../../../src/modules/ingest/contract/index.ts";
import { draftOfFileDrop, EMPTY_FILE_DROP, FILE_MAPPING_START, fileDropInput, fileDropUpdate } from "./file-drop-draft.ts";

const mapping = JSON.parse(FILE_MAPPING_START) as Record<string, unknown>;

describe("file drop draft", () => {
  it("sends a folder drop with only what was filled in, which the API's schema takes", () => {
    const input = fileDropInput(
      { ...EMPTY_FILE_DROP, name: " erp-items ", groupBy: "Order No, ,Line ", settleSeconds: "0" },
      mapping,
    );
    expect(input).toEqual({
      name: "erp-items",
      system: "erp",
      mapping,
      format: { type: "csv", header_row: 1, group_by: ["Order No", "Line"] },
      location: { type: "folder" },
      settle_seconds: 0,
    });
    expect(FileDropInput.safeParse(input).success).toBe(true);
  });

  it("sends an SFTP drop with the sign-in chosen, and keeps a tab delimiter as typed", () => {
    const input = fileDropInput(
      {
        ...EMPTY_FILE_DROP,
        name: "wms",
        delimiter: "\t",
        location: "sftp",
        host: "sftp.example",
        port: "2222",
        username: "crossdock",
        auth: "private_key",
        password: "not sent",
        privateKey: "-----BEGIN OPENSSH PRIVATE KEY-----",
        remoteFolder: "out",
      },
      mapping,
    );
    expect(input.format).toEqual({ type: "csv", header_row: 1, delimiter: "\t" });
    expect(input.location).toEqual({
      type: "sftp",
      host: "sftp.example",
      port: 2222,
      username: "crossdock",
      private_key: "-----BEGIN OPENSSH PRIVATE KEY-----",
      folder: "out",
    });
  });

  it("passes a number typed wrong on as it is, for the API to name the field", () => {
    const input = fileDropInput({ ...EMPTY_FILE_DROP, name: "x", format: "xlsx", headerRow: "first", sheet: "Items" }, mapping);
    expect(input.format).toEqual({ type: "xlsx", header_row: "first", sheet: "Items" });
    const parsed = FileDropInput.safeParse(input);
    expect(parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join("."))).toEqual(["format.header_row"]);
  });

  it("shows a stored SFTP drop as the form's draft, and sends its settings back without a secret, so the sealed one is kept", () => {
    const drop = FileDrop.parse({
      id: "src_1",
      name: "wms-stock",
      system: "wms",
      source_system: "wms",
      mapping: {},
      format: { type: "csv", delimiter: ";", header_row: 2, group_by: ["Order No", "Site"] },
      location: {
        type: "sftp",
        host: "sftp.example",
        port: 2222,
        username: "crossdock",
        auth: "private_key",
        folder: "out/stock",
        host_fingerprint: null,
      },
      pattern: "stock-*.csv",
      settle_seconds: 3,
      poll_seconds: 60,
      status: "active",
      health: {
        last_file_at: null,
        files_last_day: 0,
        failed_last_day: 0,
        rows_last_day: 0,
        error_rate_last_day: 0,
        backlog: 0,
        lag_seconds: 0,
        quarantined: 0,
        scan_error: null,
        scan_error_at: null,
      },
      created_at: "2026-12-01T00:00:00.000Z",
      updated_at: "2026-12-01T00:00:00.000Z",
    });
    const draft = draftOfFileDrop(drop);
    expect(draft).toMatchObject({
      location: "sftp",
      auth: "private_key",
      port: "2222",
      groupBy: "Order No, Site",
      privateKey: "",
    });
    const update = fileDropUpdate(draft);
    expect(update).toEqual({
      format: { type: "csv", header_row: 2, delimiter: ";", group_by: ["Order No", "Site"] },
      location: { type: "sftp", host: "sftp.example", port: 2222, username: "crossdock", folder: "out/stock" },
      pattern: "stock-*.csv",
      settle_seconds: 3,
    });
    expect(FileDropUpdate.safeParse(update).success).toBe(true);
    const newKey = fileDropUpdate({ ...draft, privateKey: "-----BEGIN OPENSSH PRIVATE KEY-----" });
    expect(newKey.location).toMatchObject({ private_key: "-----BEGIN OPENSSH PRIVATE KEY-----" });
  });
});
