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

  it('reads the forms real 211 eligibility texts take (our own wording)', () => {
    assert.deepEqual(parseAges('Adults 18 years or older living with a disability'), { min: 18 });
    assert.deepEqual(parseAges('Serves kids 0 - 12 years old who live in the county'), { max: 12 });
    assert.deepEqual(parseAges('People with memory loss 50-90 years old'), { min: 50, max: 90 });
    assert.deepEqual(parseAges('Applicants must be 50 years or older'), { min: 50 });
    assert.deepEqual(parseAges('Persons 60 years of age or older who are frail or homebound'), { min: 60 });
    assert.deepEqual(parseAges('11-17 years old and referred by juvenile court'), {
      min: 11,
      max: 17,
    });
    assert.deepEqual(parseAges('Toddlers 18 months-5 years old'), { min: 1, max: 5 });
    assert.deepEqual(parseAges('Students 8 years old through adult'), { min: 8 });
    assert.deepEqual(parseAges('Job seekers over 16 years old who are out of work.'), { min: 16 });
    assert.deepEqual(parseAges('Newborns - 12 years old'), { max: 12 });
    assert.deepEqual(parseAges('Young people on probation under 18 years old'), { max: 17 });
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
    assert.equal(parseAges('Expecting mothers and babies up to 1 years old'), undefined);
    assert.equal(parseAges('Parents of children with disabilities from birth - 22 years old.'), undefined);
  });

  it('does not read durations, grades, money or counts as ages', () => {
    assert.equal(parseAges('Lawful permanent resident for at least 3-5 years'), undefined);
    assert.equal(parseAges('Pupils in K-5th grade, grades 1-5'), undefined);
    assert.equal(parseAges('Fees are $5-10 per visit'), undefined);
    assert.equal(parseAges('Call 305-555-1234'), undefined);
    assert.equal(parseAges('Groups of 10-20 people'), undefined);
  });

  it('gives no limit where the text says none', () => {
    assert.equal(parseAges('Kids of all ages'), undefined);
    assert.equal(parseAges('Anyone who needs counselling, no age restrictions'), undefined);
    assert.equal(parseAges('Open to the public'), undefined);
  });
});
