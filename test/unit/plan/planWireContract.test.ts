import { describe, expectTypeOf, it } from 'vitest';
import type { Organisation as ServerOrganisation } from '../../../server/db/OrganisationRepository.js';
import type { UnitNotice as ServerNotice } from '../../../server/db/UnitNoticeRepository.js';
import type { planJson } from '../../../server/http/planJson.js';
import type * as web from '../../../web-components/src/console/plan/planTypes.js';

type Json<T extends (...args: never[]) => unknown> = ReturnType<T>;
/** Dates leave the server as ISO strings. */
type Wire<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };

/**
 * The yearly workflow's pages mirror the server's JSON (they talk to it only over HTTP); these checks run in the type
 * check, so the mirror in web-components/src/console/plan/planTypes.ts cannot drift from server/http/planJson.ts.
 */
describe('yearly workflow wire types: what the server sends satisfies what the pages read', () => {
  it('accounts, units and notices', () => {
    expectTypeOf<Json<typeof planJson.account>>().toExtend<web.Account>();
    expectTypeOf<ServerOrganisation>().toExtend<web.Organisation>();
    expectTypeOf<Wire<ServerNotice>>().toExtend<web.UnitNotice>();
  });

  it('proposals, plans and checklists', () => {
    expectTypeOf<Json<typeof planJson.proposal>>().toExtend<web.Proposal>();
    expectTypeOf<Json<typeof planJson.plan>>().toExtend<web.Plan>();
    expectTypeOf<Json<typeof planJson.checklist>>().toExtend<web.Checklist>();
  });
});
