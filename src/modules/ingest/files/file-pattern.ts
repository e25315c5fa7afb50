/**
 * Whether a file name is one a drop takes: its pattern is globs separated by commas (`*.csv,*.txt`),
 * `*` any run of characters and `?` one, compared without case. Names a writer is still busy with
 * are never taken: `.part`, `.tmp`, `.partial`, `.crdownload`, hidden files (`.name`) and Office
 * lock files (`~$name`).
 */
export function matchesPattern(name: string, pattern: string): boolean {
  if (isInProgress(name)) return false;
  return pattern
    .split(",")
    .map((glob) => glob.trim())
    .filter((glob) => glob !== "")
    .some((glob) => globToRegExp(glob).test(name));
}

export function isInProgress(name: string): boolean {
  return name.startsWith(".") || name.startsWith("~$") || /\.(part|tmp|partial|crdownload|filepart)$/i.test(name);
}

const cache = new Map<string, RegExp>();

function globToRegExp(glob: string): RegExp {
  let found = cache.get(glob);
  if (!found) {
    const body = [...glob]
      .map((char) => (char === "*" ? ".*" : char === "?" ? "." : char.replace(/[\\^$.|+()[\]{}]/g, "\\$&")))
      .join("");
    found = new RegExp(`^${body}$`, "i");
    cache.set(glob, found);
  }
  return found;
}
