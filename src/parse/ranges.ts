/** Ranges of text that never overlap, kept in order: they are then in order of both start and end. */
export interface Range {
  readonly start: number;
  readonly end: number;
}

/** Where `offset` falls among ordered, disjoint ranges: the first one ending after it (the only one that can overlap from there). */
export function firstEndingAfter(ranges: readonly Range[], offset: number): number {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid]!.end > offset) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** True when [start, end) overlaps one of the ordered, disjoint ranges. */
export function overlapsAny(ranges: readonly Range[], start: number, end: number): boolean {
  const at = firstEndingAfter(ranges, start);
  return at < ranges.length && ranges[at]!.start < end;
}

/** The parts of [start, end) that none of the ordered, disjoint ranges covers, in order. */
export function uncovered(ranges: readonly Range[], start: number, end: number): [number, number][] {
  const parts: [number, number][] = [];
  let from = start;
  for (let at = firstEndingAfter(ranges, start); at < ranges.length && ranges[at]!.start < end; at++) {
    if (ranges[at]!.start > from) parts.push([from, ranges[at]!.start]);
    from = Math.max(from, ranges[at]!.end);
  }
  if (from < end) parts.push([from, end]);
  return parts;
}

/** Two lists of ordered ranges, none overlapping another, as one ordered list. */
export function merged<T extends Range>(a: readonly T[], b: readonly T[]): T[] {
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    // An empty range where another starts goes first, as it would be inserted.
    out.push(x.start < y.start || (x.start === y.start && x.end <= y.end) ? a[i++]! : b[j++]!);
  }
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}

/** In ascending numbers, how many are below `value`: where it would be inserted before its equals. */
export function countBelow(values: readonly number[], value: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Ranges from several finders, the earlier finders' first: each is kept unless it overlaps one
 * kept before it. The kept ones never overlap, so they stay in text order and each test is a
 * binary search. A finder's ranges in text order (as finders give them) are merged in at once:
 * inserting each where it belongs moved all those after it, quadratic on a line of citations.
 */
export function firstComeRanges<T extends Range>(kinds: readonly (readonly T[])[]): T[] {
  let kept: T[] = [];
  for (const ranges of kinds) {
    if (!inTextOrderAndNotEmpty(ranges)) {
      for (const range of ranges) {
        const at = firstEndingAfter(kept, range.start);
        if (at === kept.length || kept[at]!.start >= range.end) kept.splice(at, 0, range);
      }
      continue;
    }
    // In order and none empty, only the last one kept from this finder can overlap the next.
    const own: T[] = [];
    for (const range of ranges) {
      const last = own[own.length - 1];
      if ((!last || last.end <= range.start) && !overlapsAny(kept, range.start, range.end)) own.push(range);
    }
    kept = merged(kept, own);
  }
  return kept;
}

/** In order of start, none empty: then the ones kept end in order too, and the last ends furthest. */
function inTextOrderAndNotEmpty(ranges: readonly Range[]): boolean {
  for (let n = 0; n < ranges.length; n++) {
    if (ranges[n]!.end <= ranges[n]!.start || (n > 0 && ranges[n]!.start < ranges[n - 1]!.start)) return false;
  }
  return true;
}
