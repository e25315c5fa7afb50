/** One line of a diff: kept, removed from the old text, or added in the new one, with its line numbers. */
export type DiffLine =
  | { type: "same"; text: string; before: number; after: number }
  | { type: "removed"; text: string; before: number }
  | { type: "added"; text: string; after: number };

/**
 * A line diff (longest common subsequence) of two texts, as a reviewer reads one. The common start
 * and end are set aside first, so a small change in a long policy file costs little.
 */
export function lineDiff(before: string, after: string): DiffLine[] {
  const a = before.split("\n");
  const b = after.split("\n");
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const n = endA - start;
  const m = endB - start;
  // lcs[i][j]: the longest common subsequence of a[start+i..endA) and b[start+j..endB).
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    const row = lcs[i] as Uint32Array;
    const below = lcs[i + 1] as Uint32Array;
    for (let j = m - 1; j >= 0; j--) {
      row[j] = a[start + i] === b[start + j] ? (below[j + 1] as number) + 1 : Math.max(below[j] as number, row[j + 1] as number);
    }
  }
  const lines: DiffLine[] = [];
  for (let k = 0; k < start; k++) lines.push({ type: "same", text: a[k] as string, before: k + 1, after: k + 1 });
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[start + i] === b[start + j]) {
      lines.push({ type: "same", text: a[start + i] as string, before: start + i + 1, after: start + j + 1 });
      i++;
      j++;
    } else if (i < n && (j === m || ((lcs[i + 1] as Uint32Array)[j] as number) >= ((lcs[i] as Uint32Array)[j + 1] as number))) {
      lines.push({ type: "removed", text: a[start + i] as string, before: start + i + 1 });
      i++;
    } else {
      lines.push({ type: "added", text: b[start + j] as string, after: start + j + 1 });
      j++;
    }
  }
  for (let k = 0; k < a.length - endA; k++) {
    lines.push({ type: "same", text: a[endA + k] as string, before: endA + k + 1, after: endB + k + 1 });
  }
  return lines;
}

/** A diff with long unchanged stretches folded to `context` lines either side of each change. */
export type DiffHunk = { type: "lines"; lines: DiffLine[] } | { type: "folded"; count: number };

export function foldUnchanged(lines: DiffLine[], context = 3): DiffHunk[] {
  const near = lines.map(() => false);
  lines.forEach((line, index) => {
    if (line.type === "same") return;
    for (let k = Math.max(0, index - context); k <= Math.min(lines.length - 1, index + context); k++) near[k] = true;
  });
  const hunks: DiffHunk[] = [];
  let folded = 0;
  let shown: DiffLine[] = [];
  lines.forEach((line, index) => {
    if (near[index]) {
      if (folded > 0) hunks.push({ type: "folded", count: folded });
      folded = 0;
      shown.push(line);
    } else {
      if (shown.length > 0) hunks.push({ type: "lines", lines: shown });
      shown = [];
      folded++;
    }
  });
  if (shown.length > 0) hunks.push({ type: "lines", lines: shown });
  if (folded > 0) hunks.push({ type: "folded", count: folded });
  return hunks;
}
