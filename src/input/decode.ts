/**
 * Bytes to text: refuse binary files, honour UTF-16 and UTF-8 byte-order marks, and repair
 * invalid UTF-8 with a warning rather than failing, because a checker should still read an
 * article that has one bad byte in it.
 */

export type Decoded = { text: string; warnings: string[] } | { error: string };

/** Signatures of binary formats a fact-checker is likely to point the tool at by mistake. */
const MAGIC: readonly (readonly number[])[] = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF8
  [0x25, 0x50, 0x44, 0x46], // %PDF
  [0x50, 0x4b, 0x03, 0x04], // ZIP (also docx, epub)
  [0x50, 0x4b, 0x05, 0x06], // empty ZIP
  [0x1f, 0x8b], // gzip
];

const SNIFF_BYTES = 8192;
/** Share of control bytes above which a file without NULs is still taken for binary. */
const MAX_CONTROL_SHARE = 0.1;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((byte, i) => bytes[i] === byte);
}

function looksBinary(bytes: Uint8Array): boolean {
  if (MAGIC.some((magic) => startsWith(bytes, magic))) return true;
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    // Tab, LF, VT, FF, CR and ESC occur in text; other C0 controls and DEL hardly ever do.
    if ((b < 0x20 && (b < 0x09 || b > 0x0d) && b !== 0x1b) || b === 0x7f) control++;
  }
  return n > 0 && control / n > MAX_CONTROL_SHARE;
}

/** One decoder for every file: a decode without `stream` keeps no state between calls. */
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

export function decodeBytes(bytes: Uint8Array, path: string): Decoded {
  // UTF-16 is full of NUL bytes, so its BOM must be checked before sniffing for binary.
  if (startsWith(bytes, [0xff, 0xfe])) return { text: new TextDecoder('utf-16le').decode(bytes), warnings: [] };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: new TextDecoder('utf-16be').decode(bytes), warnings: [] };
  if (looksBinary(bytes)) return { error: `${path}: binary file, skipped` };
  // TextDecoder drops a UTF-8 BOM by default (ignoreBOM: false).
  try {
    return { text: STRICT_UTF8.decode(bytes), warnings: [] };
  } catch {
    return { text: new TextDecoder('utf-8').decode(bytes), warnings: [`${path}: invalid UTF-8 replaced`] };
  }
}
