import type { StaffDirectory } from '../db/StaffDirectory.js';
import type { PlanActor } from '../domain/plan/planPermissions.js';
import type { User } from '../domain/User.js';

/** The logged-in user as the yearly-workflow rules see them: their unit and roles, read fresh on every request. */
export class PlanActors {
  readonly #directory: StaffDirectory;

  constructor(directory: StaffDirectory) {
    this.#directory = directory;
  }

  async actorFor(user: User): Promise<PlanActor> {
    const account = await this.#directory.get(user.id);
    return {
      userId: user.id,
      admin: user.role === 'admin',
      roles: account?.roles ?? [],
      organisationId: account?.organisationId ?? null,
    };
  }
}
