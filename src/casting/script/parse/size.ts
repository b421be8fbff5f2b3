/**
 * The size of a part, by the rule in parse/README.md: a share of the script's speeches and scenes.
 */
import type { PartSize } from './types.js';

export const SIZE_ORDER: PartSize[] = ['lead', 'supporting', 'featured', 'day player', 'non-speaking', 'background'];

export interface PartStats {
  speeches: number;
  speakingScenes: number;
  scenes: number;
}

/**
 * lead: ≥ 20 % of all speeches, or ≥ 10 % of speeches and present in ≥ 30 % of scenes;
 * supporting: ≥ 5 % of speeches or present in ≥ 15 % of scenes (and at least 3 speeches);
 * featured: ≥ 3 speeches or speaking in ≥ 2 scenes; day player: any other speaking part.
 */
export function partSize(p: PartStats, totalSpeeches: number, totalScenes: number): PartSize {
  if (p.speeches === 0) return 'non-speaking';
  const speechShare = p.speeches / Math.max(1, totalSpeeches);
  const sceneShare = p.scenes / Math.max(1, totalScenes);
  if (speechShare >= 0.2 || (speechShare >= 0.1 && sceneShare >= 0.3)) return 'lead';
  if (p.speeches >= 3 && (speechShare >= 0.05 || sceneShare >= 0.15)) return 'supporting';
  if (p.speeches >= 3 || p.speakingScenes >= 2) return 'featured';
  return 'day player';
}
