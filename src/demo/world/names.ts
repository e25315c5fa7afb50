import type { Random } from "../random.ts";

/** Where customers are, by the warehouse that serves them. */
export const REGIONS: Record<string, readonly (readonly [city: string, region: string, zip: string])[]> = {
  "DC-CLE": [
    ["Cleveland", "OH", "441"],
    ["Akron", "OH", "443"],
    ["Toledo", "OH", "436"],
    ["Pittsburgh", "PA", "152"],
    ["Detroit", "MI", "482"],
    ["Erie", "PA", "165"],
    ["Columbus", "OH", "432"],
  ],
  "DC-ATL": [
    ["Atlanta", "GA", "303"],
    ["Charlotte", "NC", "282"],
    ["Birmingham", "AL", "352"],
    ["Greenville", "SC", "296"],
    ["Chattanooga", "TN", "374"],
    ["Savannah", "GA", "314"],
    ["Jacksonville", "FL", "322"],
  ],
  "DC-DAL": [
    ["Dallas", "TX", "752"],
    ["Fort Worth", "TX", "761"],
    ["Houston", "TX", "770"],
    ["Oklahoma City", "OK", "731"],
    ["Shreveport", "LA", "711"],
    ["Tulsa", "OK", "741"],
    ["Austin", "TX", "787"],
  ],
};

const FIRST = [
  "Ana",
  "Ben",
  "Carla",
  "Dev",
  "Elena",
  "Frank",
  "Grace",
  "Hiro",
  "Imani",
  "Jorge",
  "Kate",
  "Luis",
  "Maya",
  "Nate",
  "Olga",
  "Priya",
  "Quinn",
  "Rosa",
  "Sam",
  "Tomas",
  "Uma",
  "Victor",
  "Wen",
  "Yusuf",
  "Zoe",
];
const LAST = [
  "Alvarez",
  "Brooks",
  "Chen",
  "Daniels",
  "Evans",
  "Fischer",
  "Garcia",
  "Hughes",
  "Ito",
  "Johnson",
  "Kowalski",
  "Lopez",
  "Miller",
  "Nguyen",
  "Okafor",
  "Patel",
  "Quinn",
  "Reyes",
  "Schmidt",
  "Turner",
  "Usman",
  "Vargas",
  "Walsh",
  "Young",
  "Zimmer",
];

const CUSTOMER_STEMS = [
  "Acme",
  "Baxter",
  "Cobalt",
  "Delta",
  "Evergreen",
  "Frontier",
  "Granite",
  "Heartland",
  "Ironside",
  "Keystone",
  "Lakeshore",
  "Meridian",
  "Northstar",
  "Oakridge",
  "Pioneer",
  "Riverbend",
  "Summit",
  "Tristate",
  "Union",
  "Valley",
  "Westfield",
  "Allied",
  "Bluewater",
  "Crescent",
  "Dynamic",
  "Eagle",
  "Foundry",
  "Gateway",
  "Horizon",
  "Liberty",
  "Midway",
  "Prairie",
  "Redline",
  "Sterling",
  "Titan",
  "Vanguard",
];
const CUSTOMER_TRADES = [
  "Fabrication",
  "Mechanical",
  "Electric",
  "Construction",
  "Manufacturing",
  "Facilities Services",
  "Plastics",
  "Machine Works",
  "Metal Products",
  "Packaging",
  "Foods",
  "Maintenance",
  "Contractors",
  "Hospital",
  "School District",
  "Auto Parts",
  "Welding",
  "Tool & Die",
];
const CUSTOMER_SUFFIXES = ["Inc.", "LLC", "Co.", "Corp.", "Group", ""];

const SUPPLIER_STEMS = [
  "Apex",
  "Bolt",
  "Centric",
  "Duralite",
  "Everbright",
  "Fastenal",
  "Guardian",
  "Hydra",
  "Ironclad",
  "Jetline",
  "Kinetic",
  "Lumen",
  "Mercer",
  "Norris",
  "Omega",
  "ProShield",
  "Quantum",
  "Rapid",
  "Sentry",
  "Torque",
  "Ultra",
  "Vortex",
  "Weldon",
  "Xcel",
  "Yardley",
  "Zenith",
];
const SUPPLIER_TRADES: Record<string, string[]> = {
  fasteners: ["Fastener", "Bolt & Screw", "Hardware"],
  electrical: ["Electric", "Wire & Cable", "Electrical Products"],
  safety: ["Safety", "Protective Products", "Gloves"],
  abrasives: ["Abrasives", "Grinding Products"],
  "fluid power": ["Hydraulics", "Fluid Power", "Hose & Fitting"],
  janitorial: ["Sanitary Supply", "Paper Products", "Chemical"],
};

export const personName = (random: Random): string => `${random.pick(FIRST)} ${random.pick(LAST)}`;

export function customerName(random: Random, taken: Set<string>): string {
  for (;;) {
    const suffix = random.pick(CUSTOMER_SUFFIXES);
    const name = `${random.pick(CUSTOMER_STEMS)} ${random.pick(CUSTOMER_TRADES)}${suffix ? ` ${suffix}` : ""}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

export function supplierName(random: Random, category: string, taken: Set<string>): string {
  for (;;) {
    const trade = random.pick(SUPPLIER_TRADES[category] ?? ["Supply"]);
    const name = `${random.pick(SUPPLIER_STEMS)} ${trade} ${random.pick(["Inc.", "Corp.", "LLC", "Co.", "Mfg."])}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

export const phone = (random: Random, area: string): string =>
  `+1 ${area.replace(/^(\d{3}).*/, "$1")} 555 ${String(random.int(100, 9999)).padStart(4, "0")}`;

/** An e-mail address at a domain made from a company name. */
export function emailAt(local: string, company: string): string {
  const domain = company
    .toLowerCase()
    .replace(/&/g, "and")
    .replace(/\b(inc|llc|co|corp|group|mfg)\.?$/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `${local}@${domain}.example`;
}
