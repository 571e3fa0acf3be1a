import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deriveAreas, postalPrefix } from '../../src/directory/hsds/derive-areas.js';

const location = (
  locationId: string,
  city: string,
  stateProvince: string,
  postalCode: string,
  lat?: number,
  lon?: number,
) => ({
  locationId,
  city,
  stateProvince,
  postalCode,
  ...(lat !== undefined && lon !== undefined ? { point: { lat, lon } } : {}),
});

describe('areas derived from the directory addresses', () => {
  const locations = [
    location('a', 'Miami', 'FL', '33157', 25.6, -80.35),
    location('b', 'MIAMI ', 'FL ', '33142-7382', 25.8, -80.25),
    location('c', 'Miami', 'FL', '33142', 25.81, -80.24),
    location('d', 'Key West', 'FL', '33040', 24.55, -81.78),
    location('e', 'Miami', 'FL', '33157', 38.9, -77.0),
    location('f', 'Washington', 'DC', '20001', 38.9, -77.0),
    location('g', '', 'FL', '33101'),
    // More home-state addresses without points, so that DC (one address) is under a tenth.
    ...['h', 'i', 'j', 'k', 'l'].map((id) => location(id, 'Hialeah', 'FL', '33012')),
  ];
  const derived = deriveAreas(locations, 'US');

  it('makes one area per city of the home state, with every ZIP seen there', () => {
    assert.deepEqual(
      derived.areas.map((area) => [area.id, area.name.en, area.postalCodes]),
      [
        ['hialeah', 'Hialeah', ['33012']],
        ['key-west', 'Key West', ['33040']],
        ['miami', 'Miami', ['33142', '33157']],
      ],
    );
    assert.equal(derived.areaOfLocation.get('b'), 'miami');
    assert.equal(derived.areaOfLocation.get('f'), undefined);
  });

  it('leaves a geocoding error out of the centroid and reports it', () => {
    const miami = derived.areas.find((area) => area.id === 'miami');
    assert.ok(miami?.centroid && Math.abs(miami.centroid.lat - 25.7367) < 0.001, JSON.stringify(miami?.centroid));
    assert.deepEqual(
      derived.outliers.map((outlier) => [outlier.locationId, outlier.areaId]),
      [['e', 'miami']],
    );
  });

  it('lists Canadian postal codes by forward sortation area', () => {
    assert.equal(postalPrefix('n9a 1a1', 'CA'), 'N9A');
    assert.equal(postalPrefix('33142-7382', 'US'), '33142');
    assert.equal(postalPrefix('ABC 1234', 'GB'), 'ABC 1234');
  });

  it('keeps ids apart when two home states have a city of the same name', () => {
    const twoStates = deriveAreas(
      [location('1', 'Springfield', 'IL', '62701'), location('2', 'Springfield', 'MO', '65801')],
      'US',
    );
    assert.deepEqual(twoStates.areas.map((area) => area.id).sort(), ['springfield-il', 'springfield-mo']);
  });
});
