import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { locatePlace } from '../../src/directory/locate-place.js';
import type { Area } from '../../src/directory/snapshot.js';

const areas: Area[] = [
  {
    id: 'downtown',
    name: { en: 'Downtown Port Alder', es: 'Centro de Port Alder' },
    postalCodes: ['N9M'],
    centroid: { lat: 42.06, lon: -82.65 },
  },
  { id: 'harbourside', name: { en: 'Harbourside' }, postalCodes: ['N9N'], centroid: { lat: 42.05, lon: -82.62 } },
  { id: 'kestrel', name: { en: 'Kestrel Township', es: 'Municipio de Kestrel' }, postalCodes: ['N9L'] },
  { id: 'miami', name: { en: 'Miami' }, postalCodes: ['33125', '33130'], centroid: { lat: 25.77, lon: -80.2 } },
  { id: 'north-miami-beach', name: { en: 'North Miami Beach' }, postalCodes: ['33162'] },
];

describe('locatePlace', () => {
  it('finds the area of a full Canadian postal code, with or without the space, in any case', () => {
    assert.deepEqual(locatePlace('N9N 2B4', areas), { area: 'harbourside', point: { lat: 42.05, lon: -82.62 } });
    assert.equal(locatePlace('mi codigo es n9n2b4', areas)?.area, 'harbourside');
  });

  it('finds the area of the first three characters of a postal code', () => {
    assert.equal(locatePlace('n9m', areas)?.area, 'downtown');
  });

  it('finds the area of a US ZIP code, ZIP+4 included', () => {
    assert.equal(locatePlace('33125-1234', areas)?.area, 'miami');
  });

  it('finds an area by name in English or Spanish, without accents or case, preferring the longest name', () => {
    assert.equal(locatePlace('vivo en north miami beach', areas)?.area, 'north-miami-beach');
    assert.equal(locatePlace('en el centro de port alder', areas)?.area, 'downtown');
    assert.equal(locatePlace('kestrel', areas)?.area, 'kestrel');
  });

  it('gives no point for an area without a centre, and nothing for an unknown place', () => {
    assert.deepEqual(locatePlace('N9L 1A1', areas), { area: 'kestrel' });
    assert.equal(locatePlace('Toronto M5V 2T6', areas), undefined);
    assert.equal(locatePlace('necesito comida', areas), undefined);
  });
});
