/**
 * Payment terms as a sentence. The code is quoted exactly as the account record holds it ("Net 30",
 * "2% 10 Net 30", "NET45"), then explained when it is one of the common shapes.
 */
export function describePaymentTerms(code: string): string {
  const discount = /^(\d+(?:\.\d+)?)\s*%?\s*(?:\/|\s)\s*(\d+)\s*,?\s*net\s*(\d+)$/i.exec(code.trim());
  if (discount) {
    const [, rate, discountDays, netDays] = discount;
    return `${code}: a ${rate}% discount applies when an invoice is paid within ${discountDays} days of the invoice date; otherwise the full amount is due within ${netDays} days of the invoice date.`;
  }
  const net = /^net\s*(\d+)$/i.exec(code.trim());
  if (net) return `${code}: payment is due within ${net[1]} days of the invoice date.`;
  if (/^(cod|cash on delivery)$/i.test(code.trim())) return `${code}: payment is due on delivery.`;
  if (/^(cia|prepaid|cash in advance)$/i.test(code.trim())) return `${code}: payment is due before the order ships.`;
  return `${code}, as shown on the account record.`;
}
