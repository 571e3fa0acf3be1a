import assert from 'node:assert/strict';
import { test } from 'node:test';
import { configFromEnv, DEFAULT_CONFIG } from '../../navigator/service/config.js';
import { isOpenAt } from '../../navigator/service/operating-hours.js';

test('the defaults run the demo: port 8081, data in ./data/navigator, the demo origin allowed, open all day', () => {
  const config = configFromEnv({});
  assert.equal(config.port, 8081);
  assert.equal(config.dataDir, 'data/navigator');
  assert.ok(config.allowedOrigins.includes('http://localhost:8080'));
  assert.equal(config.maxMessageLength, 2000);
  assert.equal(isOpenAt(config.hours, new Date('2025-03-08T03:00:00Z')), true);
});

test('safe defaults: secure cookies, no trusted proxy, OWASP scrypt cost, caps on every address', () => {
  const config = configFromEnv({});
  assert.equal(config.secureCookies, true);
  assert.equal(config.trustProxy, 0);
  assert.equal(config.passwordCost, 17);
  assert.equal(config.limits.bufferedBytes, 1024 * 1024);
  assert.equal(config.limits.conversationsPerAddress, 3);
  assert.equal(configFromEnv({ NAVIGATOR_SECURE_COOKIES: 'false' }).secureCookies, false, 'turned off explicitly');
});

test('caps, the proxy depth and the password cost come from the environment', () => {
  const config = configFromEnv({
    NAVIGATOR_TRUST_PROXY: 'true',
    NAVIGATOR_SOCKETS_PER_ADDRESS: '50',
    NAVIGATOR_STARTS_PER_ADDRESS: '5/10m',
    NAVIGATOR_MAX_WAITING: '80',
    NAVIGATOR_ABUSE_BLOCK_MINUTES: '30',
    NAVIGATOR_PASSWORD_COST: '18',
  });
  assert.equal(config.trustProxy, 1);
  assert.equal(configFromEnv({ NAVIGATOR_TRUST_PROXY: '2' }).trustProxy, 2);
  assert.equal(config.limits.socketsPerAddress, 50);
  assert.deepEqual(config.limits.startsPerAddress, { capacity: 5, perSecond: 1 / 600 });
  assert.equal(config.limits.waiting, 80);
  assert.equal(config.limits.abuseBlockMinutes, 30);
  assert.equal(config.passwordCost, 18);
  assert.throws(() => configFromEnv({ NAVIGATOR_PASSWORD_COST: '12' }), /NAVIGATOR_PASSWORD_COST/);
});

test('environment variables override the defaults', () => {
  const config = configFromEnv({
    NAVIGATOR_PORT: '9000',
    NAVIGATOR_DATA: '/var/lib/navigator',
    NAVIGATOR_ALLOWED_ORIGINS: 'https://www.211.example, https://partner.example.org',
    NAVIGATOR_HOURS: 'MO-FR 07:00-21:00',
    NAVIGATOR_TIME_ZONE: 'America/Toronto',
    NAVIGATOR_CLOSED_DATES: '2025-12-25',
    NAVIGATOR_RETENTION_DAYS: '14',
    NAVIGATOR_VISITOR_RATE: '10/1',
    NAVIGATOR_SECURE_COOKIES: 'true',
  });
  assert.equal(config.port, 9000);
  assert.equal(config.dataDir, '/var/lib/navigator');
  assert.deepEqual(config.allowedOrigins, ['https://www.211.example', 'https://partner.example.org']);
  assert.equal(config.hours.timeZone, 'America/Toronto');
  assert.equal(isOpenAt(config.hours, new Date('2025-03-08T17:00:00Z')), false, 'closed on Saturday');
  assert.deepEqual(config.hours.closedDates, ['2025-12-25']);
  assert.equal(config.retentionDays, 14);
  assert.deepEqual(config.visitorRate, { capacity: 10, perSecond: 1 });
  assert.equal(config.secureCookies, true);
  assert.equal(configFromEnv({ PORT: '7000' }).port, 8081, "PORT belongs to the demo's page server");
});

test('a value that cannot be used stops the service with the variable named', () => {
  assert.throws(
    () => configFromEnv({ NAVIGATOR_ALLOWED_ORIGINS: 'https://www.211.example/widget' }),
    /NAVIGATOR_ALLOWED_ORIGINS.*origin only/,
  );
  assert.throws(
    () => configFromEnv({ NAVIGATOR_RETENTION_DAYS: '0' }),
    /NAVIGATOR_RETENTION_DAYS must be a whole number of at least 1/,
  );
  assert.throws(() => configFromEnv({ NAVIGATOR_VISITOR_RATE: 'fast' }), /NAVIGATOR_VISITOR_RATE/);
  assert.throws(() => configFromEnv({ NAVIGATOR_SECURE_COOKIES: 'maybe' }), /NAVIGATOR_SECURE_COOKIES/);
  assert.throws(() => configFromEnv({ NAVIGATOR_HOURS: 'always' }), /Cannot read opening hours/);
  assert.equal(DEFAULT_CONFIG.synchronous, 'normal');
});
