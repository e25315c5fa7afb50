/** Syntetos–Boylan–Croston demand classes, plus `none` for a history without any demand. */
export type DemandClassName = "smooth" | "erratic" | "intermittent" | "lumpy" | "none";

export type DemandClass = {
  name: DemandClassName;
  /** Average inter-demand interval: periods per period with demand (n / demands); Infinity when there is none. */
  adi: number;
  /** Squared coefficient of variation of the non-zero sizes (population variance / mean²); 0 for fewer than two. */
  cv2: number;
  /** Periods with demand > 0. */
  demands: number;
};

export const ADI_CUTOFF = 1.32;
export const CV2_CUTOFF = 0.49;

/** The sizes of the periods with demand, in order. */
export function demandSizes(y: number[]): number[] {
  return y.filter((value) => value > 0);
}

/**
 * Classifies a history by ADI and CV² with Syntetos, Boylan & Croston's cut-offs (2005): ADI < 1.32 and CV² < 0.49
 * smooth; ADI < 1.32, CV² ≥ 0.49 erratic; ADI ≥ 1.32, CV² < 0.49 intermittent; both above lumpy. No demand at all
 * is `none`; a single demand has CV² 0 (intermittent unless it is the whole history).
 */
export function classifyDemand(y: number[]): DemandClass {
  const sizes = demandSizes(y);
  if (sizes.length === 0) return { name: "none", adi: Number.POSITIVE_INFINITY, cv2: 0, demands: 0 };
  const adi = y.length / sizes.length;
  const mean = sizes.reduce((sum, value) => sum + value, 0) / sizes.length;
  const variance = sizes.reduce((sum, value) => sum + (value - mean) ** 2, 0) / sizes.length;
  const cv2 = variance / mean ** 2;
  const frequent = adi < ADI_CUTOFF;
  const steady = cv2 < CV2_CUTOFF;
  const name: DemandClassName = frequent ? (steady ? "smooth" : "erratic") : steady ? "intermittent" : "lumpy";
  return { name, adi, cv2, demands: sizes.length };
}
