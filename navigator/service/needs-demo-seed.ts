/**
 * Invented counts for the demo (`npm start`): a few weeks of needs in the fictional town of Port
 * Alder, so the dashboard has something to show. The store is marked as holding demo data and
 * the dashboard says so on every view. Deterministic (a seeded generator), so screenshots repeat.
 *
 * The shape follows what 211s report: housing and food lead, then health, money and utilities;
 * a quarter of needs in Spanish, more in the rural township of Kestrel where migrant farm
 * workers live; legal, work and transportation searches there find least.
 */
import { NEED_CATEGORIES, type NeedCategory } from '../../src/directory/snapshot.js';
import type { CountIncrement } from './needs-counts.js';
import { addDays } from './needs-report.js';
import type { NeedsStore } from './needs-store.js';

const WEIGHT: Record<NeedCategory, number> = {
  housing: 9,
  food: 8,
  health: 5,
  money: 5,
  utilities: 4,
  'mental-health': 4,
  work: 3,
  family: 3,
  legal: 2,
  transportation: 2,
};

const AREAS = ['downtown', 'harbourside', 'northgate', 'kestrel'] as const;
const GAPS_IN_KESTREL: NeedCategory[] = ['legal', 'work', 'transportation'];
const UNMET_REASONS = ['waitlist', 'no-service', 'not-eligible', 'language', 'cost', 'distance', 'hours'];

/** Seeds `days` days of counts ending `today`, unless the store already holds counts. True when it seeded. */
export function seedDemoNeeds(store: NeedsStore, today: string, days = 28): boolean {
  if (store.dayRange()) return false;
  const random = generator(211);
  for (let offset = days - 1; offset >= 0; offset--) {
    const day = addDays(today, -offset);
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    const busy = weekday === 0 || weekday === 6 ? 0.5 : 1;
    const increments: CountIncrement[] = [];
    const add = (increment: Omit<CountIncrement, 'region'>) => increments.push({ ...increment, region: 'ca-on' });
    for (const category of NEED_CATEGORIES) {
      for (const area of AREAS) {
        for (const language of ['en', 'es'] as const) {
          const spanish = area === 'kestrel' ? 0.55 : 0.18;
          const mean = WEIGHT[category] * busy * (language === 'es' ? spanish : 1 - spanish) * 0.9;
          const needs = poisson(random, mean);
          if (needs === 0) continue;
          add({ measure: 'need', category, language, area: '', detail: '', count: needs });
          const gap = area === 'kestrel' && GAPS_IN_KESTREL.includes(category) ? 0.45 : 0.08;
          const none = binomial(random, needs, gap);
          if (none > 0) add({ measure: 'results', category, language, area, detail: 'none', count: none });
          if (needs - none > 0)
            add({ measure: 'results', category, language, area, detail: 'found', count: needs - none });
          const answered = binomial(random, needs - none, 0.5);
          const notHelpful = binomial(random, answered, 0.25);
          if (notHelpful > 0)
            add({ measure: 'feedback', category, language, area, detail: 'not-helpful', count: notHelpful });
          if (answered - notHelpful > 0)
            add({ measure: 'feedback', category, language, area, detail: 'helpful', count: answered - notHelpful });
        }
      }
    }
    for (const language of ['en', 'es'] as const) {
      const scale = (language === 'en' ? 1 : 0.35) * busy;
      const counted = (measure: CountIncrement['measure'], detail: string, mean: number) => {
        const count = poisson(random, mean * scale);
        if (count > 0) add({ measure, category: '', language, area: '', detail, count });
      };
      counted('handoff', 'asked', 6);
      counted('handoff', 'not-helpful', 2);
      counted('handoff', 'urgent-today', 2);
      counted('handoff', 'crisis', 1);
      counted('crisis-lines', '', 2);
      counted('quick-exit', '', 1);
      counted('safety-check', 'safe', 3);
      counted('safety-check', 'not-done', 2);
      for (const category of ['housing', 'food', 'money', 'health', 'legal'] as const) {
        const contacts = poisson(random, WEIGHT[category] * 0.4 * scale);
        if (contacts === 0) continue;
        add({ measure: 'contact', category, language, area: '', detail: '', count: contacts });
        const referred = binomial(random, contacts, 0.7);
        if (referred > 0) add({ measure: 'referred', category, language, area: '', detail: '', count: referred });
        const unmet = contacts - referred;
        if (unmet > 0) {
          const reason = UNMET_REASONS[Math.floor(random() * (category === 'housing' ? 2 : UNMET_REASONS.length))];
          add({ measure: 'unmet', category, language, area: '', detail: reason ?? 'no-service', count: unmet });
        }
      }
    }
    store.add(day, increments);
  }
  store.markDemo();
  return true;
}

/** A small seeded generator (mulberry32): the same demo every time. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function poisson(random: () => number, mean: number): number {
  const limit = Math.exp(-mean);
  let count = 0;
  for (let product = random(); product > limit; product *= random()) count++;
  return count;
}

function binomial(random: () => number, trials: number, probability: number): number {
  let count = 0;
  for (let i = 0; i < trials; i++) if (random() < probability) count++;
  return count;
}
