import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectFree } from '../../src/directory/hsds/detect-free.js';

describe('"Free" from the fees text', () => {
  it('says free only when the text plainly does', () => {
    assert.equal(detectFree('Free'), true);
    assert.equal(detectFree('No fee'), true);
    assert.equal(detectFree('Free of charge; donations welcome'), true);
    assert.equal(detectFree('Gratis'), true);
  });

  it('does not say free when the text also names a cost', () => {
    assert.equal(detectFree('Free for members, $10 for others'), false);
    assert.equal(detectFree('Sliding scale'), false);
    assert.equal(detectFree('Free; Medicaid and private insurance accepted'), false);
    assert.equal(detectFree('$25 application fee'), false);
  });

  it('says nothing when the text does not say', () => {
    assert.equal(detectFree(''), undefined);
    assert.equal(detectFree('Call for details'), undefined);
  });
});
