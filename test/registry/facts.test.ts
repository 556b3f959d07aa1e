/** The facts issue 4 names, exactly as the built-in registry must hold them. */
import type { Registry } from '../../src/registry/registry.js';
import { builtinRegistry } from '../helpers/rule-tester.js';

let registry: Registry;
beforeAll(async () => {
  registry = await builtinRegistry();
});

function terms(officeId: string, personId: string) {
  const office = registry.offices.find((entry) => entry.id === officeId);
  expect(office).toBeDefined();
  return office!.holders.filter((holder) => holder.person === personId).map((holder) => ({ from: holder.from, to: holder.to ?? null }));
}

function officeOf(country: string, kind: string) {
  const offices = registry.offices.filter((office) => office.country === country && office.kind === kind);
  expect(offices).toHaveLength(1);
  return offices[0]!;
}

describe('built-in fact registry', () => {
  test('the people are there, by name', () => {
    for (const [name, id] of [
      ['Ali Larijani', 'ali-larijani'], ['Ali Akbar Ahmadian', 'ali-akbar-ahmadian'], ['Ali Shamkhani', 'ali-shamkhani'],
      ['Abbas Araghchi', 'abbas-araghchi'], ['Qasim al-Araji', 'qasim-al-araji'],
    ]) {
      expect(registry.findPerson(name!)?.id).toBe(id);
    }
  });

  test('Iran\'s SNSC secretaries: Larijani 2005-08-15..2007-10-20 and from 2025-08-05, Ahmadian, Shamkhani', () => {
    const snsc = officeOf('IR', 'national-security');
    expect(snsc.phrases).toContain('secretary of the supreme national security council');
    const larijani = terms(snsc.id, 'ali-larijani');
    expect(larijani).toHaveLength(2);
    expect(larijani[0]).toEqual({ from: '2005-08-15', to: '2007-10-20' });
    expect(larijani[1]!.from).toBe('2025-08-05');
    expect(terms(snsc.id, 'ali-akbar-ahmadian')).toEqual([{ from: '2023-05-22', to: '2025-08-05' }]);
    expect(terms(snsc.id, 'ali-shamkhani')).toEqual([{ from: '2013-09', to: '2023-05-22' }]);
  });

  test('Abbas Araghchi has been Iran\'s foreign minister since 2024-08-21', () => {
    const office = officeOf('IR', 'foreign-minister');
    expect(office.phrases).toContain('foreign minister');
    expect(terms(office.id, 'abbas-araghchi')).toEqual([{ from: '2024-08-21', to: null }]);
    expect(terms(office.id, 'ali-larijani')).toEqual([]);
  });

  test('Qasim al-Araji has been Iraq\'s national security adviser since 2020-07-04', () => {
    const office = officeOf('IQ', 'national-security');
    expect(terms(office.id, 'qasim-al-araji')).toEqual([{ from: '2020-07-04', to: null }]);
  });

  test('the Iran–Iraq security agreement was signed in Baghdad on 2023-03-19', () => {
    const events = registry.events.filter((event) => event.date === '2023-03-19' && event.parties.includes('IR') && event.parties.includes('IQ'));
    expect(events).toHaveLength(1);
    expect(events[0]!.place).toBe('Baghdad');
    expect(events[0]!.phrases).toEqual(expect.arrayContaining(['security agreement', 'security treaty']));
  });

  test('the countries resolve by name, adjective and capital', () => {
    expect(['Iran', 'Iranian', 'Tehran', 'Iran’s'].map((word) => registry.findCountry(word)?.code)).toEqual(['IR', 'IR', 'IR', 'IR']);
    expect(['Iraq', 'Iraqi', 'Baghdad'].map((word) => registry.findCountry(word)?.code)).toEqual(['IQ', 'IQ', 'IQ']);
  });

  test('every fact has a reference', () => {
    for (const entry of [...registry.people, ...registry.offices, ...registry.events]) expect(entry.reference).toMatch(/^https?:\/\//);
    for (const office of registry.offices) for (const holder of office.holders) expect(holder.reference).toMatch(/^https?:\/\//);
  });
});
