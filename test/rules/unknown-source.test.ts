import rule from '../../rules/unknown-source.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'a kind of outlet, not its name', text: 'The cabinet will meet on Saturday, Iraqi state TV said.' },
    'Exports fell 14% in the first quarter (Reuters, AP).',
    'Larijani underlined the depth of Iran-Iraq relations, according to IRNA English and Mehr News Agency.',
    'He was welcomed formally by Qasim al-Araji (Caliber.az +12 IRNA English +12 Rudaw +12).',
    'The ceasefire held overnight, Hezbollah’s Al-Manar reported.',
    { name: 'a person is a primary source, not an outlet', text: 'The negotiations have reached their final stage, according to Larijani.' },
    { name: 'a person before a reporting verb', text: 'The negotiations have reached their final stage, Qasim al-Araji told reporters.' },
    { name: 'a person with a title', text: 'The budget passed, Iraq’s Finance Minister Taif Sami said on Sunday.' },
    { name: 'an official body', text: 'The negotiations have reached their final stage, the Foreign Ministry said.' },
    { name: 'an official body after according to', text: 'The negotiations have reached their final stage, according to the Foreign Ministry.' },
    { name: 'a public agency is a body, not a news agency', text: 'The site floods once every 30 years, the Environment Agency said in its consultation response.' },
    { name: 'an international agency after according to', text: 'Oil demand will peak by 2029, according to the International Energy Agency.' },
    { name: 'an agency in a parenthetical', text: 'The drug was approved for use in the EU in 2024 (European Medicines Agency).' },
    { name: 'an official body beside known outlets in a list', text: 'Poland spends more than 4% of GDP on defence (NATO, Reuters, Politico).' },
    { name: 'an international body', text: 'Inspectors have not visited the site since June, the United Nations said.' },
    { name: '"(PMF)" is not a citation', text: 'Militia groups known as the Popular Mobilization Forces (PMF) opposed the deal.' },
    { name: 'a parenthetical aside is not a citation', text: 'Food prices rose sharply in March (see chart).' },
    { name: 'a platform the registry knows', text: 'Shares of the chipmaker fell 9% on Tuesday, Business Insider+15Reuters+15Reddit+15' },
    { name: 'an edition of a known outlet', text: 'The pact was signed on Monday (Al Jazeera English).' },
    { name: 'a capital a typo away from an outlet (Antara) is not that outlet', text: 'The talks resumed in the Turkish capital (Ankara).' },
    { name: 'a weekday two edits from an outlet (ThisDay) is not that outlet', text: 'The pact was signed on the third day (Thursday).' },
    {
      name: 'a name a typo away from an outlet (SANA) that the article writes as a name of its own',
      text: 'Sanae Takaichi won the vote on Tuesday. Supporters chanted her first name (Sanae) outside the parliament.',
    },
    {
      name: 'a link names its source by its URL',
      format: 'markdown',
      text: 'The budget passed, [the Baghdad Post reported](https://www.thebaghdadpost.com/en/story/1234).',
    },
  ],
  invalid: [
    {
      name: 'a news agency the registry does not know',
      text: 'Exports fell 14% in 2024, according to the Khabar News Agency.',
      errors: [{ messageId: 'suggest', line: 1, column: 44, text: 'Khabar News Agency' }],
    },
    {
      name: 'a press agency the registry does not know',
      text: 'Exports fell 14% in 2024, the Gulf Press Agency reported.',
      errors: [{ messageId: 'suggest', line: 1, column: 31, text: 'Gulf Press Agency' }],
    },
    {
      text: 'Iraq’s parliament approved the budget on Sunday (Baghdad Post).',
      errors: [{ messageId: 'suggest', line: 1, column: 50, text: 'Baghdad Post', message: 'did you mean "Baghdad Today"?' }],
    },
    {
      name: 'the article before the name is not part of it',
      text: 'Iraq’s parliament approved the budget on Sunday, according to the Baghdad Post.',
      errors: [{ messageId: 'suggest', line: 1, column: 67, text: 'Baghdad Post' }],
    },
    {
      text: 'The pact had been signed, as reported by the Baghdad Post.',
      errors: [{ messageId: 'suggest', line: 1, column: 46, text: 'Baghdad Post' }],
    },
    {
      name: 'a misspelt outlet gets the right name suggested',
      text: 'The pact was signed in Baghdad, according to Shafak News.',
      errors: [{ messageId: 'suggest', line: 1, column: 46, text: 'Shafak News', message: '"Shafak News" is not in the source registry; did you mean "Shafaq News"' }],
    },
    {
      name: 'a known outlet mistyped alone in brackets',
      text: 'The embargo was lifted in June 2023 (Reutres).',
      errors: [{ messageId: 'suggest', line: 1, column: 38, text: 'Reutres', message: '"Reutres" is not in the source registry; did you mean "Reuters"?' }],
    },
    {
      name: 'a mistyped outlet is one however often the article cites it',
      text: 'The embargo was lifted in June 2023 (Reutres). Trade resumed in July (Reutres).',
      errors: [{ messageId: 'suggest', line: 1, column: 38, text: 'Reutres' }, { messageId: 'suggest', line: 1, column: 71, text: 'Reutres' }],
    },
    {
      text: 'The ceasefire held overnight (Reuters, Asociated Press).',
      errors: [{ messageId: 'suggest', line: 1, column: 40, text: 'Asociated Press', message: 'did you mean "Associated Press"?' }],
    },
    {
      name: 'an outlet-shaped name before a reporting verb',
      text: 'Kurdistan Chronicle reported on Sunday that the pact had been signed.',
      errors: [{ messageId: 'unknown', line: 1, column: 1, text: 'Kurdistan Chronicle', message: '"Kurdistan Chronicle" is not in the source registry, so its reliability cannot be checked' }],
    },
    {
      name: 'one unknown name among chips',
      text: 'The agreement was signed in March 2023 (Caliber.az +12 Tehran Monitor +4).',
      errors: [{ messageId: 'unknown', line: 1, column: 56, text: 'Tehran Monitor' }],
    },
    {
      name: 'a domain-shaped name',
      text: 'The agreement was signed in March 2023 (Baghdadnews.iq).',
      errors: [{ messageId: 'unknown', line: 1, column: 41, text: 'Baghdadnews.iq' }],
    },
    {
      name: 'a name in a pointer is checked too',
      text: 'For additional coverage click on WANA or Tehran Monitor.',
      errors: [{ messageId: 'unknown', line: 1, column: 42, text: 'Tehran Monitor' }],
    },
    {
      name: 'an unknown name in a glued chip run',
      text: 'Shares of the chipmaker fell 9% on Tuesday, Business Insider+15Reuters+15Tehran Monitor+15',
      errors: [{ messageId: 'unknown', line: 1, column: 74, text: 'Tehran Monitor' }],
    },
    {
      name: 'on the original line of a Markdown file',
      format: 'markdown',
      text: '---\ntitle: Iran and Iraq\n---\n\nIraq’s parliament approved the budget on Sunday (Baghdad Post).\n',
      errors: [{ messageId: 'suggest', line: 5, column: 50, text: 'Baghdad Post' }],
    },
  ],
});
