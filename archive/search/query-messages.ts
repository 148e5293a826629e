// What a query mistake means, in English and Hindi, with an example of the right way.
import type { Language } from '../messages.ts';
import { FIELDS, type QuerySyntaxError } from './query.ts';

const FIELD_LIST = [...FIELDS, 'date', 'sort'].map((f) => `${f}:`).join(' ');

const en: Record<QuerySyntaxError['code'], string> = {
  unclosedQuote: 'A quotation mark is not closed. Close the phrase: "जन संवाद".',
  emptyField: '"{{field}}:" needs a value right after it, e.g. title:कानपुर.',
  unknownField: `"{{field}}:" is not a field. Search in: ${FIELD_LIST}`,
  badDate: '"{{value}}" is not a date. Write date:2024, date:2024-03 or date:2024-01..2024-06.',
  reversedDates: 'The date range ends ({{to}}) before it begins ({{from}}).',
  badSort: '"{{value}}" is not a sort order. Use sort:relevance, sort:newest or sort:oldest.',
  danglingOr: 'OR needs a word on both sides, e.g. कानपुर OR लखनऊ.',
  negatedOr: 'A word left out with - cannot be part of an OR.',
  shortPrefix: 'Write at least two letters before *, e.g. कमि*.',
  nothingToSearch: 'There is nothing to search for in this query.',
};

const hi: Record<QuerySyntaxError['code'], string> = {
  unclosedQuote: 'उद्धरण चिह्न बंद नहीं हुआ। वाक्यांश को बंद करें: "जन संवाद"।',
  emptyField: '"{{field}}:" के ठीक बाद कोई मान लिखें, जैसे title:कानपुर।',
  unknownField: `"{{field}}:" कोई फ़ील्ड नहीं है। इनमें खोजें: ${FIELD_LIST}`,
  badDate: '"{{value}}" तारीख़ नहीं है। ऐसे लिखें: date:2024, date:2024-03 या date:2024-01..2024-06।',
  reversedDates: 'तारीख़ों की सीमा शुरू ({{from}}) होने से पहले ही ख़त्म ({{to}}) हो रही है।',
  badSort: '"{{value}}" कोई क्रम नहीं है। sort:relevance, sort:newest या sort:oldest लिखें।',
  danglingOr: 'OR के दोनों ओर कोई शब्द चाहिए, जैसे कानपुर OR लखनऊ।',
  negatedOr: '- से हटाया गया शब्द OR का हिस्सा नहीं हो सकता।',
  shortPrefix: '* से पहले कम से कम दो अक्षर लिखें, जैसे कमि*।',
  nothingToSearch: 'इस खोज में खोजने लायक कोई शब्द नहीं है।',
};

export function formatQueryError(error: QuerySyntaxError, language: Language): string {
  const template = (language === 'hi' ? hi : en)[error.code];
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => error.params[name] ?? '');
}
