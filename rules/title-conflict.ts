import { defineRule } from '../src/engine/rule.js';
import { compareDates } from '../src/parse/dates.js';
import type { Mention } from '../src/parse/mention.js';
import { personKey } from '../src/parse/people.js';
import { modifierKinds, sameTitle } from '../src/parse/titles.js';
import type { Registry } from '../src/registry/registry.js';

/**
 * One person given two incompatible offices in one article. Titles that describe another time
 * ("former", "then-", "designate") claim nothing about now; a deputy is a different rank, not a
 * rival claim. The registry is used only to forgive offices the person really held at once.
 */
export default defineRule({
  meta: {
    id: 'title-conflict',
    description: 'One person given incompatible titles in the same article.',
    severity: 'error',
    fixable: false,
    messages: {
      conflict: '{{name}} is called {{first}}{{firstWhere}} and {{second}} on line {{secondLine}}. Check which title is right at the article\'s date; a past office needs "former".',
    },
    defaults: {},
  },
  check({ document, mentions, registry, report }) {
    // Per person, the first mention of each distinct title: a title that agrees with any of them is consistent.
    const earlier = new Map<string, { titles: Mention[]; written: Set<string> }>();
    for (const mention of mentions) {
      if (!comparable(mention)) continue;
      const key = personKey(mention);
      let person = earlier.get(key);
      if (!person) earlier.set(key, person = { titles: [], written: new Set() });
      // Written as a kept title was (the same title, country, office and rank): it agrees with that one.
      const written = `${mention.titleKey}|${mention.country}|${mention.officeId}|${modifierKinds(mention.modifiers).has('rank')}`;
      if (person.written.has(written) || agreesWithAny(person.titles, mention, registry)) continue;
      const rival = person.titles[0];
      if (person.titles.length < COMPARED) person.titles.push(mention);
      person.written.add(written);
      if (rival) {
        const firstLine = document.map.position(rival.titleStart).line;
        const secondLine = document.map.position(mention.titleStart).line;
        report({
          messageId: 'conflict',
          data: {
            name: mention.fullName, first: rival.title!, firstLine, firstWhere: firstLine === secondLine ? '' : ` on line ${firstLine}`,
            second: mention.title!, secondLine,
          },
          start: mention.titleStart, end: mention.titleEnd, claimId: mention.claimId,
          evidence: { kind: 'claim', id: rival.claimId ?? '', summary: `${rival.fullName}: "${document.text.slice(rival.start, rival.end)}"`, reference: null },
        });
      }
    }
  },
});

/**
 * How many of a person's incompatible titles a new one is compared with, beyond those written
 * the same way. An article gives a person two or three; a hostile file can give one person
 * thousands, and comparing each title with all before it was quadratic (a minute for 1 MB).
 * Past this many, a title is reported when it conflicts with these, which is still true.
 */
const COMPARED = 16;

function agreesWithAny(titles: readonly Mention[], mention: Mention, registry: Registry): boolean {
  for (const other of titles) if (!conflicts(other, mention, registry)) return true;
  return false;
}

/** A current title given to someone the article identifies (a full name, or a registry person). */
function comparable(mention: Mention): boolean {
  if (!mention.titleKey || !mention.title) return false;
  if (!mention.personId && !/\s/.test(mention.fullName)) return false;
  const kinds = modifierKinds(mention.modifiers);
  return !kinds.has('past') && !kinds.has('future');
}

function conflicts(a: Mention, b: Mention, registry: Registry): boolean {
  // Titles given in one phrase ("Crown Prince and Prime Minister X") are held together by the article's own account.
  if (a.nameStart === b.nameStart) return false;
  if (modifierKinds(a.modifiers).has('rank') !== modifierKinds(b.modifiers).has('rank')) return false;
  if (a.officeId && b.officeId) return a.officeId !== b.officeId && !heldTogether(registry, a.personId, a.officeId, b.officeId);
  if (sameTitle(a.titleKey!, b.titleKey!)) return a.country !== null && b.country !== null && a.country !== b.country;
  // Chairing a committee goes with a job: "Governor Andrew Bailey … Bailey, who chairs the Monetary Policy Committee".
  return !(a.officeId && b.officeId) && !chairsACommittee(a) && !chairsACommittee(b);
}

const COMMITTEE = /^head of .*\b(?:committee|board|council|commission|panel|task force|taskforce|caucus|subcommittee)$/i;

function chairsACommittee(mention: Mention): boolean {
  return !mention.officeId && COMMITTEE.test(mention.titleKey!);
}

/** True when the registry has the person holding both offices at some same time (Rubio: Secretary of State and acting NSA). */
function heldTogether(registry: Registry, personId: string | null, first: string, second: string): boolean {
  if (!personId) return false;
  const terms = (officeId: string) => registry.offices.find((office) => office.id === officeId)?.holders.filter((holder) => holder.person === personId) ?? [];
  const overlaps = (x: { from: string; to?: string }, y: { from: string; to?: string }) =>
    (!x.to || compareDates(y.from, x.to) <= 0) && (!y.to || compareDates(x.from, y.to) <= 0);
  return terms(first).some((x) => terms(second).some((y) => overlaps(x, y)));
}
