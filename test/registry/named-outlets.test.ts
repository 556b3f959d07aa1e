/** Issue 8's must-hold: every outlet it names resolves, so none is ever an unknown source. */
import { builtinRegistry } from '../helpers/rule-tester.js';

const NAMED = [
  'AP', 'The Associated Press', 'AP News', 'Reuters', 'AFP', 'BBC', 'CNN', 'Al Jazeera',
  'IRNA', 'Mehr', 'Tasnim', 'Fars', 'ISNA', 'Press TV', 'Kayhan', 'Rudaw', 'Kurdistan24', 'Shafaq News', 'Al Sumaria',
  'Iraqi News Agency', 'Al Mayadeen', 'Al Manar', 'Asharq Al-Awsat', 'Al Arabiya', 'The National', 'Anadolu',
  'Daily Sabah', 'Times of Israel', 'Haaretz', 'i24NEWS', 'WANA', 'Caliber.az', 'Afghan Voice Agency',
  'TASS', 'RIA Novosti', 'RT', 'Sputnik', 'Xinhua', 'CGTN', 'Global Times', 'SANA', 'KCNA',
  'Wikipedia', 'Google News', 'Yahoo News', 'MSN', 'Apple News',
  'X', 'Twitter', 'Telegram', 'Facebook', 'YouTube', 'TikTok', 'Reddit',
  'ChatGPT', 'Perplexity', 'Copilot', 'Gemini', 'Grok',
];

test.each(NAMED)('%s is in the source registry', async (name) => {
  expect((await builtinRegistry()).findSource(name)?.name).toBeDefined();
});

test('the registry holds at least 400 sources', async () => {
  expect((await builtinRegistry()).sources.length).toBeGreaterThanOrEqual(400);
});
