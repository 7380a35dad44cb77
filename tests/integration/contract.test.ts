import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreClient } from '../../src/main/hosts/core-client';
import { cleanTempDirs, expectOk, tempDir, testCore } from '../helpers';

describe('the contract through the real core worker', () => {
  let core: CoreClient;
  beforeAll(() => {
    core = testCore(tempDir());
  });
  afterAll(async () => {
    await core.close();
    cleanTempDirs();
  });

  it('answers a ping', async () => {
    const value = expectOk(await core.call('app/ping', {}));
    expect(value.pong).toBe(true);
  });

  it('returns UNKNOWN_METHOD for a method that does not exist, and keeps serving', async () => {
    const result = await core.callRaw('projects/teleport', {});
    expect(result).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_METHOD', message: expect.stringContaining('projects/teleport') },
    });
    expect((await core.call('app/ping', {})).ok).toBe(true);
  });

  it('does not treat inherited object keys as methods', async () => {
    const result = await core.callRaw('constructor', {});
    expect(result.ok === false && result.error.code).toBe('UNKNOWN_METHOD');
  });

  it('returns BAD_REQUEST naming the field for a malformed argument', async () => {
    const result = await core.callRaw('prefs/set', { theme: 'purple' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('BAD_REQUEST');
      expect(result.error.field).toBe('theme');
    }
    const extra = await core.callRaw('app/ping', { sneaky: 1 });
    expect(extra.ok === false && extra.error.code).toBe('BAD_REQUEST');
  });

  it('turns a handler that throws into an INTERNAL error, and keeps serving', async () => {
    const result = await core.callRaw('debug/throw', {});
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('INTERNAL');
      expect(result.error.message).toContain('deliberate failure');
    }
    expect((await core.call('app/ping', {})).ok).toBe(true);
  });

  it('says clearly that no workspace is open', async () => {
    const result = await core.call('hubs/list', {});
    expect(result.ok === false && result.error.code).toBe('NO_WORKSPACE');
  });

  it('answers many concurrent calls, each with its own reply', async () => {
    const replies = await Promise.all(Array.from({ length: 200 }, () => core.call('app/ping', {})));
    expect(replies.every((r) => r.ok)).toBe(true);
  });
});
