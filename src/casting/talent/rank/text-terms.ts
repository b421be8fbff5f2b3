/**
 * Keyword terms for BM25 and for finding the words of a bio that match a query: lower-cased words,
 * stopwords dropped, a light suffix strip so "rides", "riding" and "ride" meet ("rid").
 */
const STOPWORDS = new Set([
  'a',
  'an',
  'the',
  'and',
  'or',
  'of',
  'in',
  'on',
  'at',
  'to',
  'for',
  'with',
  'is',
  'are',
  'was',
  'be',
  'by',
  'as',
  'it',
  'its',
  'this',
  'that',
  'who',
  'he',
  'she',
  'they',
  'his',
  'her',
  'their',
  'them',
  'from',
  'has',
  'have',
  'can',
  'into',
  'often',
  'very',
  'someone',
  'somebody',
  'person',
  'people',
  'find',
  'me',
  'looking',
  'need',
  'want',
  'type',
  'kind',
  'sort',
  'like',
  // Every profile is an actor: these words match everyone and explain nothing.
  'actor',
  'actors',
  'actress',
  'actresses',
  'performer',
  'performers',
  'talent',
  'based',
  'cast',
]);

export function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && /(ch|sh|x|z)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** The terms of a text, in order (duplicates kept: BM25 counts them). */
export function terms(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.filter((w) => !STOPWORDS.has(w)).map(stem);
}
