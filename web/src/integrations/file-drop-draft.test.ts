import { describe, expect, it } from "vitest";
import { FileDropInput } from "../../../src/modules/ingest/contract/index.ts";
import { EMPTY_FILE_DROP, FILE_MAPPING_START, fileDropInput } from "./file-drop-draft.ts";

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
});
