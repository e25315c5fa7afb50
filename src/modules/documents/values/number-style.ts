import type { PageText } from "../text/page-text.ts";
import type { NumberStyle } from "./read-amount.ts";

/**
 * How a document writes its amounts: with a decimal comma when more of its amounts show one
 * ("1.250,00", "45,93") than show a decimal point ("1,250.00", "45.93"), else with a point. So a
 * German or Dutch invoice's "1.250" reads as one thousand two hundred and fifty, not 1.25.
 */
export function numberStyleOf(pages: PageText[]): NumberStyle {
  let comma = 0;
  let point = 0;
  for (const page of pages) {
    for (const word of page.words) {
      const text = word.text.replace(/^[^\d]+|[^\d]+$/g, "");
      if (/^\d{1,3}(\.\d{3})*,\d{2}$/.test(text)) comma += 1;
      else if (/^\d{1,3}(,\d{3})*\.\d{2}$/.test(text)) point += 1;
    }
  }
  return { decimal: comma > point ? "," : "." };
}
