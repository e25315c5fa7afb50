/** How a category of goods travels by LTL: its commodity description and NMFC class. */
type Commodity = { description: string; nmfcClass: string };

const BY_CATEGORY: Record<string, Commodity> = {
  fasteners: { description: "Bolts, nuts, screws or washers, iron or steel", nmfcClass: "50" },
  electrical: { description: "Electrical wire, cable or fittings", nmfcClass: "77.5" },
  safety: { description: "Safety equipment, gloves or eyewear, boxed", nmfcClass: "100" },
  abrasives: { description: "Abrasive wheels or discs", nmfcClass: "70" },
  janitorial: { description: "Cleaning compounds, in containers", nmfcClass: "60" },
};

export function commodityOf(category: string | null | undefined): Commodity {
  return BY_CATEGORY[(category ?? "").toLowerCase()] ?? { description: "Industrial supplies, NOI", nmfcClass: "85" };
}

/** The shipping description a hazardous item carries on a BOL; the demo's hazardous goods are solvents and cleaners. */
export function hazmatDescription(category: string | null | undefined): string {
  return (category ?? "").toLowerCase() === "janitorial"
    ? "UN1993, Flammable liquid, n.o.s., 3, PG III"
    : "UN3082, Environmentally hazardous substance, liquid, n.o.s., 9, PG III";
}
