/** A path or value as it can be pasted back into a shell, for the commands the CLI suggests. */
export function shellWord(s: string): string {
  return /^[\w./@:+,=-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
