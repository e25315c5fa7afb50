import type { ClaimedFile } from "../store/file-store.ts";
import type { FileOutcome } from "./read-file.ts";

/** Gives an interchange to the EDI intake; answers with what it became there (an ingest receipt). */
export type HandOverEdi = (
  tenantId: string,
  file: { name: string; bytes: Buffer },
) => Promise<{ reference: string; duplicate: boolean }>;

/**
 * An EDI interchange that came in as a document (mailed, dropped in the inbox folder, uploaded)
 * goes to the EDI intake, where its trading partner's mapping, 997 and flows take it; the file
 * keeps where it went. One the intake refuses (no partner sends as its ISA's sender) is
 * quarantined with the intake's reason, to be retried once the partner is added.
 */
export async function handOver(to: HandOverEdi | undefined, file: ClaimedFile): Promise<FileOutcome> {
  if (!to)
    return {
      outcome: "quarantine",
      reason: "unsupported_type",
      detail: "The file is an EDI interchange: send it to the EDI intake",
    };
  try {
    const handed = await to(file.tenant_id, { name: file.name, bytes: file.bytes });
    return { outcome: "handed_over", reference: handed.reference };
  } catch (error) {
    return {
      outcome: "quarantine",
      reason: "edi_not_accepted",
      detail: `The EDI intake refused the interchange: ${(error as Error).message}`,
    };
  }
}
