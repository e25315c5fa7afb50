/** Amounts as the records API takes them: exact decimal strings. */
export const cents = (amount: number): string => (Math.round(amount * 100) / 100).toFixed(2);
/** Unit costs and prices of cheap items carry four decimals, as distributors' systems keep them. */
export const unitPrice = (amount: number): string => (Math.round(amount * 10_000) / 10_000).toFixed(4);
export const quantity = (value: number): string => String(Math.round(value * 1000) / 1000);
/** Rounded to four decimals, as unit prices are kept, so quantity × printed price is the printed amount. */
export const round4 = (value: number): number => Math.round(value * 10_000) / 10_000;
