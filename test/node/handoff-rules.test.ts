import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DEFAULT_HANDOFF_THRESHOLDS,
  type HandoffFacts,
  type HandoffThresholds,
  handoffReason,
  isUrgentReason,
} from '../../src/conversation/handoff-rules.js';

/** A visitor with one ordinary need, no crisis and no complaint: nothing to hand off. */
const calm: HandoffFacts = {
  crisis: false,
  askedForPerson: false,
  categories: ['food'],
  today: false,
  urgentWords: false,
  needsCollected: 1,
  notHelpfulCount: 0,
  nothingFits: false,
};

const reasonFor = (facts: Partial<HandoffFacts>, thresholds: HandoffThresholds = DEFAULT_HANDOFF_THRESHOLDS) =>
  handoffReason({ ...calm, ...facts }, thresholds);

describe('when the widget offers a person', () => {
  it('offers nobody to a visitor with one need that was met', () => {
    assert.equal(reasonFor({}), null);
  });

  it('puts a crisis before every other reason', () => {
    assert.equal(
      reasonFor({
        crisis: true,
        askedForPerson: true,
        categories: ['housing'],
        today: true,
        urgentWords: true,
        needsCollected: 5,
        notHelpfulCount: 5,
        nothingFits: true,
      }),
      'crisis',
    );
  });

  it('offers a person to a visitor who asked for one, before any other rule', () => {
    assert.equal(
      reasonFor({ askedForPerson: true, categories: ['housing'], today: true, needsCollected: 3, nothingFits: true }),
      'asked',
    );
  });

  it('treats housing needed today as urgent', () => {
    assert.equal(reasonFor({ categories: ['housing'], today: true }), 'urgent-today');
  });

  it('treats housing that is not for today as an ordinary need', () => {
    assert.equal(reasonFor({ categories: ['housing'], today: false }), null);
  });

  it('does not treat food needed today as urgent when nothing else says so', () => {
    assert.equal(reasonFor({ categories: ['food'], today: true }), null);
  });

  it('treats any category needed today as urgent when the words say so', () => {
    assert.equal(reasonFor({ categories: ['utilities'], today: true, urgentWords: true }), 'urgent-today');
  });

  it('does not treat urgent words as urgent-today when the need is not for today', () => {
    assert.equal(reasonFor({ categories: ['utilities'], today: false, urgentWords: true }), null);
  });

  it('offers a person once three needs have been collected', () => {
    assert.equal(reasonFor({ needsCollected: 2 }), null);
    assert.equal(reasonFor({ needsCollected: 3 }), 'many-needs');
  });

  it('prefers an urgent need today to the count of needs', () => {
    assert.equal(reasonFor({ categories: ['housing'], today: true, needsCollected: 3 }), 'urgent-today');
  });

  it('offers a person after the visitor says twice that the results did not help', () => {
    assert.equal(reasonFor({ notHelpfulCount: 1 }), null);
    assert.equal(reasonFor({ notHelpfulCount: 2 }), 'not-helpful');
  });

  it('offers a person when nothing in the directory fits', () => {
    assert.equal(reasonFor({ nothingFits: true }), 'nothing-fits');
  });

  it('names the many needs before "did not help" and "nothing fits"', () => {
    assert.equal(reasonFor({ needsCollected: 3, notHelpfulCount: 2, nothingFits: true }), 'many-needs');
    assert.equal(reasonFor({ notHelpfulCount: 2, nothingFits: true }), 'not-helpful');
  });

  it('lets a 211 offer a person after two needs instead of three', () => {
    const thresholds = { ...DEFAULT_HANDOFF_THRESHOLDS, needsBeforeOffer: 2 };
    assert.equal(reasonFor({ needsCollected: 2 }), null);
    assert.equal(reasonFor({ needsCollected: 2 }, thresholds), 'many-needs');
  });

  it('lets a 211 offer a person after the first "did not help"', () => {
    const thresholds = { ...DEFAULT_HANDOFF_THRESHOLDS, notHelpfulBeforeOffer: 1 };
    assert.equal(reasonFor({ notHelpfulCount: 1 }, thresholds), 'not-helpful');
  });

  it('lets a 211 choose which categories are urgent when needed today', () => {
    const thresholds: HandoffThresholds = { ...DEFAULT_HANDOFF_THRESHOLDS, urgentTodayCategories: ['utilities'] };
    assert.equal(reasonFor({ categories: ['utilities'], today: true }, thresholds), 'urgent-today');
    assert.equal(reasonFor({ categories: ['housing'], today: true }, thresholds), null);
  });

  it('finds an urgent category among several needs of the same message', () => {
    assert.equal(reasonFor({ categories: ['food', 'housing'], today: true }), 'urgent-today');
  });
});

describe('which hand-offs jump the navigator queue', () => {
  it('puts a crisis and an urgent need today at the front, and nothing else', () => {
    assert.equal(isUrgentReason('crisis'), true);
    assert.equal(isUrgentReason('urgent-today'), true);
    for (const reason of ['asked', 'many-needs', 'not-helpful', 'nothing-fits', null] as const) {
      assert.equal(isUrgentReason(reason), false, String(reason));
    }
  });
});
