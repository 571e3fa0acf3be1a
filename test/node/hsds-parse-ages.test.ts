import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAges } from '../../src/directory/hsds/parse-ages.js';

describe('ages from eligibility text', () => {
  it('reads the common forms', () => {
    assert.deepEqual(parseAges('Seniors ages 60 and over'), { min: 60 });
    assert.deepEqual(parseAges('youth 16-24'), { min: 16, max: 24 });
    assert.deepEqual(parseAges('children under 5'), { max: 4 });
    assert.deepEqual(parseAges('60+ only'), undefined);
    assert.deepEqual(parseAges('Seniors 60+'), { min: 60 });
  });

  it('reads real 211 Miami eligibility texts', () => {
    assert.deepEqual(parseAges('Adults 18 years or older with a disability'), { min: 18 });
    assert.deepEqual(parseAges('Serves children 0 - 12 years old living in Miami Dade County'), { max: 12 });
    assert.deepEqual(parseAges("Alzheimer's patients 50-90 years old"), { min: 50, max: 90 });
    assert.deepEqual(parseAges('Must be 50 years or older'), { min: 50 });
    assert.deepEqual(parseAges('Those 60 years of age or older, frail, elderly, medically needy'), { min: 60 });
    assert.deepEqual(parseAges('11-17 years old who have been arrested for non-violent offenses'), {
      min: 11,
      max: 17,
    });
    assert.deepEqual(parseAges('Children 18 months-5 years old'), { min: 1, max: 5 });
    assert.deepEqual(parseAges('Children 8 years old through adult'), { min: 8 });
    assert.deepEqual(parseAges('Individuals over 16 years old, unemployed, disabled or disadvantaged.'), { min: 16 });
    assert.deepEqual(parseAges('Infants - 12 years old'), { max: 12 });
    assert.deepEqual(parseAges('All eligible youth offenders under 18 years old'), { max: 17 });
  });

  it('joins several age groups, and gives no limit when together they cover every age', () => {
    assert.deepEqual(parseAges('Children 5-8 years old, or youth 14-17 years old'), { min: 5, max: 17 });
    assert.equal(
      parseAges(
        'Participants must be 11 years old and under (Children), 12\u201117 years old (Teens), 18 years and older (Adults)',
      ),
      undefined,
    );
    assert.equal(
      parseAges(
        'Any person 18 years of age or older may file. A parent may file on behalf of a minor child (under age 18).',
      ),
      undefined,
    );
  });

  it('does not limit a service for parents or families by the age of their children', () => {
    assert.equal(parseAges('Pregnant women and babies up to 1 years old'), undefined);
    assert.equal(parseAges('Families with special needs children from birth - 22 years old.'), undefined);
  });

  it('does not read durations, grades, money or counts as ages', () => {
    assert.equal(parseAges('Lawful permanent resident for at least 3-5 years'), undefined);
    assert.equal(parseAges('Children in K-5th grade, grades 1-5'), undefined);
    assert.equal(parseAges('Fees are $5-10 per visit'), undefined);
    assert.equal(parseAges('Call 305-555-1234'), undefined);
    assert.equal(parseAges('Groups of 10-20 people'), undefined);
  });

  it('gives no limit where the text says none', () => {
    assert.equal(parseAges('Children of all ages'), undefined);
    assert.equal(parseAges('Anyone in need of therapy, no age restrictions'), undefined);
    assert.equal(parseAges('Open to the public'), undefined);
  });
});
