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
  while (i < a.length && j < b.length) out.push(a[i]!.start <= b[j]!.start ? a[i++]! : b[j++]!);
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
