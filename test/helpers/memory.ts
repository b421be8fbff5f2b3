/** An in-process ChannelMemoryRepo for unit tests that need memory but not a database. */
import type { ChannelMemoryRepo } from '../../src/memory/store.js';
import type { TurnRecord } from '../../src/memory/records.js';
import { ChannelMemory } from '../../src/memory/channel-memory.js';

export class InMemoryChannels implements ChannelMemoryRepo {
  private readonly fields = new Map<string, { value: unknown; expires?: number }>();
  private readonly turns = new Map<string, TurnRecord[]>();
  private live(k: string) {
    const f = this.fields.get(k);
    return f && (!f.expires || f.expires > Date.now()) ? f : undefined;
  }
  async get<T>(c: string, f: string) {
    return this.live(`${c}|${f}`)?.value as T | undefined;
  }
  async set(c: string, f: string, value: unknown, ttl?: number) {
    this.fields.set(`${c}|${f}`, { value: structuredClone(value), ...(ttl ? { expires: Date.now() + ttl } : {}) });
  }
  async setIfAbsent(c: string, f: string, value: unknown, ttl?: number) {
    if (this.live(`${c}|${f}`)) return false;
    await this.set(c, f, value, ttl);
    return true;
  }
  async delete(c: string, f: string) {
    this.fields.delete(`${c}|${f}`);
  }
  async all(c: string) {
    return Object.fromEntries(
      [...this.fields.keys()]
        .filter((k) => k.startsWith(`${c}|`) && this.live(k))
        .map((k) => [k.slice(c.length + 1), this.fields.get(k)?.value]),
    );
  }
  async appendTurn(c: string, t: TurnRecord, cap: number) {
    const l = this.turns.get(c) ?? [];
    l.push(t);
    this.turns.set(c, l.slice(-cap));
  }
  async recentTurns(c: string, n: number) {
    return (this.turns.get(c) ?? []).slice(-n);
  }
}

export function memoryFor(channel = 'local:local:test', repo = new InMemoryChannels()): ChannelMemory {
  return new ChannelMemory(channel, repo);
}
