/** A citation: one attribution in the text, naming one or more sources. */

export type CitationForm =
  | 'parenthetical' // (IRNA English +1)
  | 'bracketed' // [Wikipedia]
  | 'chip-run' // Caliber.az +12 IRNA English +12 Rudaw +12
  | 'according-to' // according to IRNA and Mehr
  | 'reporting-verb' // Mehr News Agency reported
  | 'link' // a hyperlink whose text or URL names a source
  | 'footnote' // [12], ^12, ¹²
  | 'pointer'; // "click on WANA", "see IRNA": points the reader elsewhere, supports nothing

export interface CitedSource {
  /** The name as written, e.g. "IRNA English". */
  name: string;
  /** Registry id, or null when the name resolves to no entry. */
  sourceId: string | null;
  /** The `+N` count of a chatbot chip, or null. */
  chipCount: number | null;
  /** Offsets of the name in Document.text. */
  start: number;
  end: number;
  /** True when the name is a person or an official body quoted as a primary source. */
  primary: boolean;
}

export interface Citation {
  id: string;
  form: CitationForm;
  /** Offsets into Document.text, end exclusive. */
  start: number;
  end: number;
  text: string;
  sources: CitedSource[];
  /** Claims this citation supports (ids); empty for a citation that stands alone. */
  claimIds: string[];
  /** The link behind a link citation. */
  href?: string;
  /**
   * A footnote marker's note: where it is in Document.text; null when a marker that can be
   * nothing else ("[3]", or "³" after punctuation) has none; absent when "km²" has none.
   */
  note?: { start: number; end: number } | null;
}
