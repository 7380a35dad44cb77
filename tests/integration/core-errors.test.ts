/**
 * Core failures through the real, built worker carry their catalog key and
 * params beside the unchanged English message (so the UI can translate them),
 * and keyless ones stay as they were.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreClient } from '../../src/main/hosts/core-client';
import { renderCoreError } from '../../src/shared/errors';
import type { AppError, ErrorRef } from '../../src/shared/result';
import type { OnboardingInput } from '../../src/shared/schemas';
import { cleanTempDirs, expectOk, tempDir, testCore } from '../helpers';

const onboarding: OnboardingInput = {
  name: 'Faro Studio',
  reportingCurrency: 'USD',
  timeZone: 'America/Lima',
  hubs: [
    {
      name: 'Lima',
      country: 'PE',
      timeZone: 'America/Lima',
      currency: 'USD',
      targetKind: null,
      targetSharePct: null,
      leaderId: null,
      color: 'emerald',
    },
  ],
  people: [{ name: 'Ana Ruiz', role: 'Project Manager', hubName: 'Lima', employmentType: 'core', hoursPerDay: 8 }],
};

function refusal(result: { ok: boolean; error?: AppError }): AppError {
  if (result.ok || !result.error) throw new Error('expected a refusal');
  // What the key says in English is exactly the message sent.
  if (result.error.key) expect(renderCoreError(result.error as ErrorRef)).toBe(result.error.message);
  return result.error;
}

describe('core errors carry their key', () => {
  let core: CoreClient;
  beforeAll(() => {
    core = testCore(tempDir());
  });
  afterAll(async () => {
    await core.close();
    cleanTempDirs();
  });

  it('before a workspace is open', async () => {
    expect(refusal(await core.call('clients/list', {}))).toEqual({
      code: 'NO_WORKSPACE',
      message: 'No workspace is open. Open the demo agency, start an empty one, or open a file.',
      key: 'workspace.none',
    });
  });

  it('for a duplicate client, a hub still in use and a stale lead move', async () => {
    expectOk(await core.call('workspace/createEmpty', onboarding));
    const lima = expectOk(await core.call('hubs/list', {})).find((h) => h.name === 'Lima')!;
    const client = {
      name: 'Quetzal Studio',
      tier: 2 as const,
      vertical: 'media' as const,
      hubId: lima.id,
      country: 'GT',
      email: null,
    };
    expectOk(await core.call('clients/create', client));
    expect(refusal(await core.call('clients/create', { ...client, name: 'quetzal studio' }))).toEqual({
      code: 'CONFLICT',
      message: 'A client named quetzal studio already exists.',
      field: 'name',
      key: 'client.nameTaken',
      params: { name: 'quetzal studio' },
    });

    expect(refusal(await core.call('hubs/delete', { id: lima.id }))).toMatchObject({
      code: 'CONFLICT',
      message: 'Lima still has 1 person, 1 client. Move them to another hub first; nothing was deleted.',
      key: 'hub.inUse',
      params: {
        name: 'Lima',
        records: [
          { key: 'hub.inUseRecords.people', params: { count: 1 } },
          { key: 'hub.inUseRecords.clients', params: { count: 1 } },
        ],
      },
    });

    const lead = expectOk(
      await core.call('leads/create', {
        company: 'Zephyrine Analytics',
        contactName: 'Ingrid Dahl',
        channel: 'referral',
        vertical: 'saas',
        tier: 1,
        authority: 'decision_maker',
        need: 'urgent',
        timeline: 'now',
        budgetMinor: 150_000,
        expectedValueMinor: 120_000,
        currency: 'EUR',
        hubId: lima.id,
      }),
    );
    expectOk(await core.call('leads/setStage', { id: lead.id, stage: 'qualified', from: 'new' }));
    expect(refusal(await core.call('leads/setStage', { id: lead.id, stage: 'proposal', from: 'new' }))).toEqual({
      code: 'CONFLICT',
      message: 'The lead moved from new to qualified in the meantime; nothing was changed.',
      field: 'stage',
      key: 'lead.movedMeanwhile',
      params: { from: 'new', to: 'qualified' },
    });
  });

  it('keeps a keyless failure as it was', async () => {
    const unknown = refusal(await core.call('projects/teleport' as never, {} as never));
    expect(unknown.code).toBe('UNKNOWN_METHOD');
    expect(unknown).not.toHaveProperty('key');
    expect(unknown).not.toHaveProperty('params');
  });
});
