import type { Random } from "../../random.ts";
import type { CategoryCatalog } from "../catalog/category-catalog.ts";
import { decimalNumber, quantity } from "../format.ts";
import { questionsOn } from "./ask.ts";
import type { QuestionCandidate } from "./question.ts";

export function catalogQuestions(catalog: CategoryCatalog, random: Random): QuestionCandidate[] {
  const { questions, ask } = questionsOn(catalog.document, random);
  for (const row of random.sample(catalog.rows, 2)) {
    const { item } = row;
    if (row.listPrice) {
      ask(
        "catalog.list_price",
        [`What's the list price of ${item.sku}?`, `What do we list ${item.name} at?`],
        `${row.listPrice}.`,
        row.passage,
      );
    }
    const pack = (item.uom_conversions ?? []).find(
      (conversion) => conversion.uom !== item.base_uom && (decimalNumber(conversion.quantity_in_base) ?? 1) > 1,
    );
    const size = decimalNumber(pack?.quantity_in_base);
    if (pack && size !== undefined) {
      ask(
        "catalog.pack_size",
        [
          `How many ${item.base_uom} are in a ${pack.uom} of ${item.sku}?`,
          `${item.name}: how many ${item.base_uom} per ${pack.uom}?`,
        ],
        `${quantity(size)} ${item.base_uom}.`,
        row.passage,
      );
    }
    if (item.manufacturer_part_number) {
      ask(
        "catalog.mfr_part",
        [`What's the manufacturer part number of ${item.sku}?`],
        `${item.manufacturer_part_number}.`,
        row.passage,
      );
    }
  }
  for (const row of catalog.rows.filter((row) => row.replacedBy)) {
    ask(
      "catalog.replacement",
      [`${row.item.sku} shows as discontinued. What replaces it?`],
      `${row.replacedBy?.sku}.`,
      row.passage,
    );
  }
  return questions;
}
