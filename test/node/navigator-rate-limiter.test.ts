import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fullBucket, takeToken } from '../../navigator/service/rate-limiter.js';

const limit = { capacity: 3, perSecond: 2 };

test('a burst up to the capacity passes, the next frame is refused with a wait', () => {
  let bucket = fullBucket(limit, 0);
  for (let i = 0; i < 3; i++) {
    const result = takeToken(bucket, limit, 0);
    assert.equal(result.allowed, true);
    bucket = result.bucket;
  }
  const refused = takeToken(bucket, limit, 0);
  assert.equal(refused.allowed, false);
  assert.equal(refused.retryAfterMs, 500, 'one token every 500 ms at 2 per second');
});

test('tokens come back with time, never above the capacity', () => {
  let bucket = fullBucket(limit, 0);
  for (let i = 0; i < 3; i++) bucket = takeToken(bucket, limit, 0).bucket;
  assert.equal(takeToken(bucket, limit, 499).allowed, false);
  bucket = takeToken(bucket, limit, 499).bucket;
  assert.equal(takeToken(bucket, limit, 500).allowed, true);
  const later = takeToken(fullBucket(limit, 0), limit, 60_000);
  assert.equal(later.bucket.tokens, 2, 'a long pause refills to the capacity only');
});
