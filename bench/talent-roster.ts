/**
 * The benchmark's roster: `n` generated people in the sample roster's CSV format, the same every
 * run (seeded). Run as a script (`talent-roster.ts N FILE`) it writes the file, so that the process
 * measuring an import holds none of the generator's garbage.
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** mulberry32: the same roster every run. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  'Meera',
  'Arjun',
  'Grace',
  'Omar',
  'Sam',
  'Noor',
  'Kabir',
  'Ava',
  'Chidi',
  'Lena',
  'Tomas',
  'Priya',
  'Dev',
  'Zoe',
  'Ravi',
  'Yuki',
  'Malik',
  'Sofia',
  'Ivan',
  'Amara',
];
const LAST = [
  'Iyer',
  'Rao',
  'Chen',
  'Okafor',
  'Tanaka',
  'Khan',
  'Haddad',
  'Levi',
  'Park',
  'Vidal',
  'Desai',
  'Kim',
  'Mensah',
  'Lopez',
  'Reddy',
  'Bianchi',
];
const CITIES = [
  'Mumbai, India',
  'Chennai, India',
  'Delhi, India',
  'Bengaluru, India',
  'London, UK',
  'New York, USA',
  'Los Angeles, USA',
  'Toronto, Canada',
  'Atlanta, USA',
  'Vancouver, Canada',
];
const UNIONS = ['CINTAA', 'SAG-AFTRA', 'Equity', 'ACTRA', 'non-union'];
const LANGS = [
  'Hindi',
  'Tamil',
  'Telugu',
  'Marathi',
  'Urdu',
  'Bengali',
  'Spanish',
  'French',
  'Punjabi',
  'Kannada',
  'Malayalam',
  'Gujarati',
  'Arabic',
  'Cantonese',
];
const LEVELS = ['native', 'fluent', 'conversational', 'basic'];
const ACCENTS = ['RP', 'Scottish', 'New York', 'Texan', 'Irish', 'Cockney', 'Australian', 'Indian English', 'Mumbai Hindi', 'Nigerian'];
const SKILLS = [
  'horse riding',
  'kathak',
  'stage combat',
  'singing (baritone)',
  'singing (soprano)',
  'salsa',
  'karate',
  'swimming',
  'guitar',
  'piano',
  'fencing',
  'archery',
  'improv',
  'boxing',
  'parkour',
  'juggling',
  'yoga',
  'cricket',
];
const LOOKS = [
  'a shaved head',
  'long dark hair',
  'silver hair',
  'a full beard',
  'freckles',
  'an athletic build',
  'a petite frame',
  'sharp cheekbones',
  'warm brown eyes',
  'tattooed forearms',
];
const TYPES = [
  'a villain, quietly menacing',
  'a grieving parent, with deep emotional range',
  'comic relief, with impeccable comic timing',
  'a romantic lead, with easy charm',
  'a tough cop or soldier, intense and physical',
  'a village elder, gentle and wise',
  'royalty, poised and commanding',
  'an eccentric professor, quirky and verbal',
];
const TRAINING = [
  'trained at RADA',
  'a graduate of FTII Pune',
  'trained in the Meisner technique',
  'self-taught through street theatre',
  'a Juilliard graduate',
];

const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** A roster CSV of `n` people in the sample's format. */
export function generateRosterCsv(n: number, seed = 42): string {
  const r = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  const some = <T>(xs: T[], max: number) => [...new Set(Array.from({ length: Math.floor(r() * (max + 1)) }, () => pick(xs)))];
  const lines = [
    'id,name,gender,pronouns,playing_age_min,playing_age_max,ethnicity,height_cm,location,union,languages,accents,skills,credits,bio,agent,email,phone,headshot_url,reel_url',
  ];
  for (let i = 1; i <= n; i++) {
    const gender = r() < 0.48 ? 'female' : r() < 0.93 ? 'male' : 'non-binary';
    const lo = 6 + Math.floor(r() * 70);
    const name = `${pick(FIRST)} ${pick(LAST)}`;
    const city = pick(CITIES);
    const skills = some(SKILLS, 4);
    const languages = ['English (native)', ...some(LANGS, 3).map((l) => `${l} (${pick(LEVELS)})`)];
    const bio = `${name.split(' ')[0]} is a ${city.split(',')[0]}-based actor with ${pick(LOOKS)}, often cast as ${pick(TYPES)}. They are ${pick(TRAINING)}.`;
    lines.push(
      [
        `G${String(i).padStart(6, '0')}`,
        name,
        gender,
        '',
        String(lo),
        String(lo + 3 + Math.floor(r() * 8)),
        '',
        String(150 + Math.floor(r() * 45)),
        q(city),
        pick(UNIONS),
        languages.join('; '),
        some(ACCENTS, 2).join('; '),
        skills.join('; '),
        q(`Salt (lead, ${2000 + Math.floor(r() * 24)})`),
        q(bio),
        'Bench Agency',
        `p${i}@example.com`,
        `+1-555-${String(i % 10000).padStart(4, '0')}`,
        '',
        '',
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [n, file] = process.argv.slice(2);
  if (!n || !file) throw new Error('usage: talent-roster.ts N FILE');
  writeFileSync(file, generateRosterCsv(Number(n)));
}
