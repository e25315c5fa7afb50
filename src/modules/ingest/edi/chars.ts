/** Character classes the tokenizers test by code, without regular expressions. */

export const isLineBreak = (code: number) => code === 10 || code === 13;

/** Space, tab, line feed, carriage return, vertical tab, form feed. */
export const isBlank = (code: number) => code === 32 || (code >= 9 && code <= 13);

export const isAlphanumeric = (code: number) =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

/** An X12 or EDIFACT segment id: an upper-case letter, then 1 or 2 upper-case letters or digits. */
export function isSegmentId(id: string): boolean {
  if (id.length < 2 || id.length > 3) return false;
  const first = id.charCodeAt(0);
  if (first < 65 || first > 90) return false;
  for (let i = 1; i < id.length; i++) {
    const code = id.charCodeAt(i);
    if (!((code >= 48 && code <= 57) || (code >= 65 && code <= 90))) return false;
  }
  return true;
}

/** What may stand between segments: blanks, and the NUL and SUB (Ctrl-Z) some systems pad files with. */
export const isFiller = (code: number) => code <= 32 && (isBlank(code) || code === 0 || code === 26);
