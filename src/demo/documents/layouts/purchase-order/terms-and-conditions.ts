/** The standard terms a manufacturer prints on the back of its purchase orders. */
export const TERMS_OF_PURCHASE = [
  "Acceptance. This order is an offer to buy on these terms. Shipment, or any written acknowledgment, accepts them; terms in the seller's quotation or acknowledgment that add to or differ from them are rejected unless agreed in writing by the buyer.",
  "Prices. Prices are those stated on the face of this order and are firm. No charge for packing, crating, drayage or storage will be allowed unless stated on this order.",
  "Delivery. Time is of the essence. Goods must arrive by the required date at the ship-to address stated. The buyer may return at the seller's cost goods delivered more than five days early, and may cancel any part of this order not delivered on time.",
  "Packing and documents. Every carton, packing slip, bill of lading and invoice must show the buyer's order number and line number. Hazardous materials must be packed, marked and documented as the regulations require, with safety data sheets sent before the first delivery.",
  "Inspection. Goods are subject to inspection and acceptance at the buyer's plant, whatever the terms of shipment. Payment does not mean acceptance. Goods rejected as defective or not as ordered will be held at the seller's risk or returned at the seller's cost.",
  "Warranty. The seller warrants that the goods conform to the buyer's specifications, drawings and samples, are merchantable, free from defects in material and workmanship, and fit for the purpose intended.",
  "Invoices. Send one invoice per shipment to accounts payable. Payment terms run from the later of the receipt of conforming goods and the receipt of a correct invoice. Quantities invoiced beyond those received will not be paid.",
  "Changes. The buyer may change quantities, delivery dates or the place of delivery by written notice. Any claim for an adjustment must be made within ten days of the change.",
  "Compliance. The seller shall comply with all applicable laws, including those on employment, safety, the environment and export control, and shall certify such compliance on request.",
  "Governing law. This order is governed by the law of the state of the buyer's address shown on its face, including the Uniform Commercial Code as adopted there.",
];
