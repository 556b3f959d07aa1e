/** A person named in the article, with the title or office the text gives them there. */
export interface Mention {
  /** Offsets into Document.text of the whole mention ("Iran's foreign minister Ali Larijani"). */
  start: number;
  end: number;
  /** The person's name as written at this mention, and the full name it resolves to. */
  name: string;
  /** Offsets of the name as written; titles given in one phrase share them ("Crown Prince and Prime Minister X"). */
  nameStart: number;
  nameEnd: number;
  /** The full name this mention resolves to; a surname shared by two people stays as written. */
  fullName: string;
  /** Registry person id, when the name resolves to one. */
  personId: string | null;
  /** The title as written ("foreign minister"), with its offsets; null for a bare name. */
  title: string | null;
  titleStart: number;
  titleEnd: number;
  /** One key per office however it is phrased ("top diplomat" → "foreign minister"); null for a bare name. */
  titleKey: string | null;
  /** Country code the title is qualified with ("Iran's" → IR), or null. */
  country: string | null;
  /** Words that change the claim: former, acting, newly appointed, then-, deputy… */
  modifiers: string[];
  /** Registry office id the title resolves to (with the country), or null. */
  officeId: string | null;
  claimId: string | null;
}
