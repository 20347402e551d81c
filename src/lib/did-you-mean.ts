/**
 * Suggestions for mistyped references, so an error can say "did you mean companies/huaying-haitai".
 */

/** Edit distance between two strings (insertions, deletions, substitutions). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The closest candidate to a mistyped id, field or value, or undefined when nothing is within
 * `tolerance` edits (by default a quarter of its length, at least two). An id whose slug exists
 * under another type wins outright (people/huaying-haitai → companies/huaying-haitai).
 */
export function didYouMean(
  wanted: string,
  candidates: Iterable<string>,
  tolerance = Math.max(2, Math.floor(wanted.length / 4)),
): string | undefined {
  const wantedSlug = wanted.slice(wanted.indexOf('/') + 1);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const slug = candidate.slice(candidate.indexOf('/') + 1);
    if (slug === wantedSlug) return candidate;
    const distance = editDistance(wanted, candidate);
    if (distance < bestDistance || (distance === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= tolerance ? best : undefined;
}
