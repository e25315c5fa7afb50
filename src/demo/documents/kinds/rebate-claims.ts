import { rebateClaimsOf } from "../content/rebate-claims.ts";
import { rebateClaimLayout } from "../layouts/rebate-claim.ts";
import { fileSafe } from "../paths.ts";
import { PdfSurface } from "../render/pdf-surface.ts";
import { buildTruth } from "../truth/build-truth.ts";
import { TruthRecorder } from "../truth/recorder.ts";
import type { GeneratedDocument } from "../truth/truth.ts";
import type { KindContext } from "./context.ts";
import { byKey, pickPreferring } from "./select.ts";

/** Rebate claims the distributor sends its suppliers: half ship and debit, half volume, where the world has both. */
export function rebateClaims(context: KindContext): GeneratedDocument[] {
  const { index, volume, random } = context;
  const all = rebateClaimsOf(index, random.fork("claims"), context.partners);
  const shipAndDebit = all.filter((claim) => claim.program === "ship_and_debit");
  const volumeClaims = all.filter((claim) => claim.program === "volume_rebate");
  const half = Math.ceil(volume.rebateClaims / 2);
  const chosen = [...pickPreferring(random.fork("pick-sd"), shipAndDebit, [], Math.min(half, shipAndDebit.length))];
  chosen.push(
    ...pickPreferring(
      random.fork("pick-volume"),
      volumeClaims,
      shipAndDebit.filter((claim) => !chosen.includes(claim)),
      volume.rebateClaims - chosen.length,
    ),
  );
  return chosen.sort(byKey((claim) => claim.claimNumber)).map((claim) => {
    const surface = new PdfSurface({
      title: `Rebate claim ${claim.claimNumber}`,
      author: claim.distributor.name,
      date: claim.claimDate,
    });
    const record = new TruthRecorder(rebateClaimLayout.formats);
    rebateClaimLayout.render(surface, claim, record);
    const path = `${context.paths.claim(`documents/rebate-claim/${fileSafe(claim.claimNumber)}`)}.pdf`;
    const truth = buildTruth(
      {
        kind: "rebate_claim",
        format: "pdf",
        layout: rebateClaimLayout.name,
        path,
        source: claim.source,
        pages: surface.pages,
        refs: { supplier_external_id: claim.supplierExternalId },
      },
      record,
    );
    return { path, content: surface.finish(), truth };
  });
}
