/**
 * An OCR'd table's line numbers settled by their sequence: when most of the numbers read are
 * their row's place plus one offset (1, 2, 3… or 10, 11…), a number missing or out of step with
 * both its neighbours ("3, 3" where 2 belongs; "14" between 3 and 5) is read as its place gives it.
 * A number in step with a neighbour is kept, so a table whose numbering skips (a row OCR lost, a
 * line the sender left out) keeps what it printed. Null where nothing is known.
 */
export function settleLineNumbers(numbers: (number | null)[]): (number | null)[] {
  const read = numbers.filter((number): number is number => number !== null);
  if (read.length < 2) return numbers;
  const offsets = new Map<number, number>();
  for (const [index, number] of numbers.entries())
    if (number !== null) offsets.set(number - index, (offsets.get(number - index) ?? 0) + 1);
  const ranked = [...offsets].sort((a, b) => b[1] - a[1]);
  const [offset, times] = ranked[0] as [number, number];
  if (times < 2 || times * 2 <= read.length || (ranked[1]?.[1] ?? 0) === times || offset < 0) return numbers;
  const settled = [...numbers];
  for (const [index, number] of numbers.entries()) {
    const expected = index + offset;
    if (number === expected) continue;
    const before = settled[index - 1];
    const after = numbers[index + 1];
    const inStep = number !== null && ((before != null && number === before + 1) || (after != null && number === after - 1));
    if (!inStep) settled[index] = expected;
  }
  return settled;
}
