import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('has working defaults for a newcomer', () => {
    const config = loadConfig({});
    assert.equal(config.port, 3000);
    assert.equal(config.databaseUrl, undefined);
    assert.equal(config.demoData, true);
    assert.match(config.dataDir, /[/\\]data$/);
    assert.equal(config.publicUrl, 'http://localhost:3000');
  });

  it('names the variable of a bad value', () => {
    const cases: [Record<string, string>, string][] = [
      [{ PORT: 'abc' }, 'PORT'],
      [{ PORT: '70000' }, 'PORT'],
      [{ DEMO_DATA: 'maybe' }, 'DEMO_DATA'],
      [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
      [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
      [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
      [{ COOKIE_SECRET: 'short' }, 'COOKIE_SECRET'],
      [{ MAP_TILE_URL: 'https://tiles.example.org/tile.png' }, 'MAP_TILE_URL'],
      [{ CONTACT_EMAIL: 'nobody' }, 'CONTACT_EMAIL'],
      [{ TRUST_PROXY: 'on' }, 'TRUST_PROXY'],
      [{ TRUST_PROXY: 'true' }, 'TRUST_PROXY'],
      [{ TRUST_PROXY: '11' }, 'TRUST_PROXY'],
      [{ TRUST_PROXY: '10.0.0.1,proxy.example.org' }, 'TRUST_PROXY'],
      [{ TRUST_PROXY: '10.0.0.0/33' }, 'TRUST_PROXY'],
      [{ SHED_DB_WAITING: 'lots' }, 'SHED_DB_WAITING'],
      [{ SHED_DB_WAITING: '-1' }, 'SHED_DB_WAITING'],
      [{ SHED_DB_WAITING: '1000000' }, 'SHED_DB_WAITING'],
      [{ SHED_WAIT_MS: '5' }, 'SHED_WAIT_MS'],
      [{ SHED_WAIT_MS: '1.5' }, 'SHED_WAIT_MS'],
    ];
    for (const [env, variable] of cases) {
      assert.throws(
        () => loadConfig(env),
        (error: unknown) => error instanceof ConfigError && error.variable === variable && error.message.startsWith(variable),
        `expected ${variable} to be rejected for ${JSON.stringify(env)}`,
      );
    }
  });

  it('trusts a number of proxy hops or the proxies\' addresses, never every hop', () => {
    assert.equal(loadConfig({}).trustProxy, false);
    assert.equal(loadConfig({ TRUST_PROXY: 'off' }).behindProxy, false);
    assert.equal(loadConfig({ TRUST_PROXY: '1' }).trustProxy, 1);
    assert.equal(loadConfig({ TRUST_PROXY: '1' }).behindProxy, true);
    assert.deepEqual(loadConfig({ TRUST_PROXY: '10.0.0.1, 172.16.0.0/12,loopback, ::1' }).trustProxy, ['10.0.0.1', '172.16.0.0/12', 'loopback', '::1']);
    assert.throws(() => loadConfig({ TRUST_PROXY: 'on' }), /number of proxies in front of the app/);
  });

  it('reads switches and paths', () => {
    const config = loadConfig({ DEMO_DATA: 'off', DATA_DIR: '/tmp/ww-x', PORT: '8080', DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/ww' });
    assert.equal(config.demoData, false);
    assert.equal(config.dataDir, '/tmp/ww-x');
    assert.equal(config.port, 8080);
    assert.equal(config.databaseUrl, 'postgres://u:p@127.0.0.1:5432/ww');
  });

  it('reads the load-shedding limits: a number or off; unset is the default, and off in tests', () => {
    assert.equal(loadConfig({}).shedDbWaiting, undefined);
    assert.equal(loadConfig({}).shedWaitMs, 1000);
    assert.equal(loadConfig({ SHED_DB_WAITING: '' }).shedDbWaiting, undefined);
    assert.equal(loadConfig({ SHED_DB_WAITING: '0' }).shedDbWaiting, 0);
    assert.equal(loadConfig({ SHED_DB_WAITING: ' 25 ', SHED_WAIT_MS: '250' }).shedDbWaiting, 25);
    assert.equal(loadConfig({ SHED_WAIT_MS: '250' }).shedWaitMs, 250);
    assert.equal(loadConfig({ SHED_DB_WAITING: 'Off', SHED_WAIT_MS: 'off' }).shedDbWaiting, 'off');
    assert.equal(loadConfig({ SHED_WAIT_MS: 'off' }).shedWaitMs, 'off');
    assert.deepEqual([loadConfig({ NODE_ENV: 'test' }).shedDbWaiting, loadConfig({ NODE_ENV: 'test' }).shedWaitMs], ['off', 'off']);
    assert.equal(loadConfig({ NODE_ENV: 'test', SHED_WAIT_MS: '300' }).shedWaitMs, 300);
  });
});
