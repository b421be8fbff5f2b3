/** A scene heading split into setting, place and time of day ("EXT. PARK--DAY" → EXT, PARK, DAY). */
import type { SceneBreakdown } from './types.js';

const PREFIX = /^(INT\.?\s*\/\s*EXT|EXT\.?\s*\/\s*INT|I\/E|E\/I|INT|EXT|EST)\b\.?\s*/i;
/** The last separator before the time of day: " - ", "--", an en or em dash, or a comma. */
const TIME_SPLIT = /\s*(?:\s-+\s|--+|[–—]|,)\s*(?=[^,\-–—]*$)/;

export function parseHeading(heading: string): Pick<SceneBreakdown, 'setting' | 'place' | 'timeOfDay'> {
  const text = heading.replace(/\s*#[^#]*#\s*$/, '').trim(); // Fountain scene numbers "#12#"
  const m = PREFIX.exec(text);
  const rest = m ? text.slice(m[0].length).trim() : text;
  const setting = m ? settingOf(m[1]!) : undefined;
  const split = TIME_SPLIT.exec(rest);
  const time = split ? rest.slice(split.index + split[0].length).trim() : '';
  const timeOk = time !== '' && time.split(/\s+/).length <= 4;
  const place = (timeOk ? rest.slice(0, split!.index) : rest).replace(/[\s\-–—,]+$/, '').trim();
  return { ...(setting ? { setting } : {}), place: place || rest, ...(timeOk ? { timeOfDay: time } : {}) };
}

function settingOf(prefix: string): 'INT' | 'EXT' | 'INT/EXT' {
  const p = prefix.toUpperCase();
  if (p.includes('/')) return 'INT/EXT';
  return p.startsWith('INT') ? 'INT' : 'EXT';
}
