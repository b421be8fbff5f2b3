/** What a shared file looks like from its name: a screenplay to analyze, a roster to import, or neither. */
export type FileKind = 'script' | 'roster' | 'other';

const SCRIPT = /\.(fountain|spmd|fdx|pdf|txt)$/i;
const ROSTER = /\.(csv|json)$/i;

export function classifyFile(name: string): FileKind {
  if (SCRIPT.test(name)) return 'script';
  if (ROSTER.test(name)) return 'roster';
  return 'other';
}
