/**
 * Voices, crowds and groups: lines a casting office fills from background or a voice session, not
 * parts it casts one by one (THE CROWD, VARIOUS TOWNFOLK, ALL, A MAN'S VOICE, VOICE).
 */
const VOICE = /\bVOICES?\b/;
const GROUP =
  /^(?:THE\s+)?(?:CROWD|CHORUS|MOB|AUDIENCE|CONGREGATION|TOWNS?FOLKS?|TOWNSPEOPLE|VILLAGERS|PASSENGERS|GUESTS|EVERYONE|EVERYBODY|ALL|OTHERS|BOTH|GROUP|CLASS|TEAM)(?:\s|$)|^VARIOUS\s|^(?:SOME|SEVERAL|MANY|TWO|THREE|FOUR|FIVE)\s+\S+S$/;

export function isBackground(name: string): boolean {
  return VOICE.test(name) || GROUP.test(name);
}
