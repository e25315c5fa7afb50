/**
 * A large, realistic X12 850 file for the parser benchmark: one interchange and group holding
 * purchase orders of 5 to 80 lines each (N1 loops with addresses, dates, references, carrier, PO1
 * lines with two or three part numbers, PID descriptions, PO4 packs), one segment a line.
 */
const CITIES = [
  ["Newark", "NJ", "07102"],
  ["Joliet", "IL", "60431"],
  ["Reno", "NV", "89502"],
  ["Laredo", "TX", "78045"],
];
const PRODUCTS = [
  "Hex cap screw M8 x 40 zinc",
  "Deep groove ball bearing 6204-2RS",
  "Nitrile gloves, large, box of 100",
  "Cable tie 300 mm black UV",
];

export type GeneratedX12 = { text: string; segments: number; sets: number };

export function generate850(targetBytes: number): GeneratedX12 {
  let seed = 42;
  const random = (below: number) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed % below;
  };
  const parts = [
    "ISA*00*          *00*          *ZZ*ACMEHARDWARE   *ZZ*HARBORIND      *260305*1407*U*00401*000000042*0*P*>~\n",
    "GS*PO*ACMEHARDWARE*HARBORIND*20260305*1407*42*X*004010~\n",
  ];
  let size = parts.join("").length;
  let segments = 2;
  let sets = 0;
  while (size < targetBytes - 64) {
    sets += 1;
    const control = String(sets).padStart(4, "0");
    const [city, region, postal] = CITIES[random(CITIES.length)] as string[];
    const set = [
      `ST*850*${control}`,
      `BEG*00*SA*PO${100000 + sets}**20260301`,
      "CUR*BY*USD",
      `REF*DP*${String(random(900) + 100)}`,
      "ITD*01*3*2**10**30",
      `DTM*002*202603${String(10 + random(18)).padStart(2, "0")}`,
      "TD5*B*2*UPSN*M*UPS GROUND",
      `N1*ST*ACME Hardware Store ${random(500)}*92*ST${random(500)}`,
      `N3*${100 + random(9000)} Commerce Way`,
      `N4*${city}*${region}*${postal}*US`,
      "N1*BT*ACME Hardware Accounts Payable*92*AP1",
      "PER*BD*Jane Buyer*TE*555-0100*EM*buyer@acme.example",
    ];
    const lines = 5 + random(76);
    for (let line = 1; line <= lines; line++) {
      const part = 10_000 + random(90_000);
      set.push(
        `PO1*${line}*${1 + random(240)}*EA*${(random(20_000) / 100 + 0.05).toFixed(2)}*PE*VP*HI-${part}*BP*AC${part}*UP*0${String(part).padStart(11, "7")}`,
      );
      set.push(`PID*F****${PRODUCTS[random(PRODUCTS.length)]}`);
      if (line % 3 === 0) set.push(`PO4*${[6, 12, 24][random(3)]}**EA`);
    }
    set.push(`CTT*${lines}`);
    set.push(`SE*${set.length + 1}*${control}`);
    const text = `${set.join("~\n")}~\n`;
    parts.push(text);
    size += text.length;
    segments += set.length;
  }
  parts.push(`GE*${sets}*42~\n`, "IEA*1*000000042~\n");
  return { text: parts.join(""), segments: segments + 2, sets };
}
