import { html, nothing, type TemplateResult } from 'lit';
import type { MessageKey } from '../../i18n/index.js';
import { api } from '../api.js';
import { PlanElement } from './PlanElement.js';
import { ORG_ROLES, ORGANISATION_KINDS, type Account, type Organisation, type OrganisationKind, type OrgRole } from './planTypes.js';

export const ROLE_KEYS: Record<OrgRole, MessageKey> = {
  office_planner: 'planRoleOfficePlanner',
  office_admin: 'planRoleOfficeAdmin',
  publisher: 'planRolePublisher',
  studio_operator: 'planRoleStudioOperator',
  proposer: 'planRoleProposer',
  dept_reviewer: 'planRoleDeptReviewer',
};

export const KIND_KEYS: Record<OrganisationKind, MessageKey> = { town: 'planKindTown', department: 'planKindDepartment', agency: 'planKindAgency' };

/** #/users: the office's administrator adds units and accounts, gives each account its unit and roles, resets passwords. */
export class OiPlanUsers extends PlanElement {
  static override properties = { ...PlanElement.properties, accounts: { state: true }, units: { state: true } };

  declare accounts: Account[] | null;
  declare units: Organisation[];

  constructor() {
    super();
    this.accounts = null;
    this.units = [];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      [this.units, this.accounts] = await Promise.all([api<Organisation[]>('/api/organisations'), api<Account[]>('/api/users')]);
    } catch (error) {
      this.error = this.failure(error);
    }
  }

  private async addUnit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    if (await this.act(() => api('/api/organisations', { method: 'POST', body: { name: data.get('name'), kind: data.get('kind') } }), 'planUnitAdded')) {
      form.reset();
      await this.load();
    }
  }

  private async addAccount(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const body = {
      username: data.get('username'),
      password: data.get('password'),
      organisationId: data.get('organisationId') || null,
      roles: data.getAll('roles'),
      email: data.get('email') ?? '',
    };
    if (await this.act(() => api('/api/users', { method: 'POST', body }), 'planAccountAdded')) {
      form.reset();
      await this.load();
    }
  }

  private async saveAssignment(event: SubmitEvent, account: Account): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const body = { organisationId: data.get('organisationId') || null, roles: data.getAll('roles'), email: data.get('email') ?? '' };
    if (await this.act(() => api(`/api/users/${account.id}/assignment`, { method: 'PUT', body }), 'planAssignmentSaved')) await this.load();
  }

  private async resetPassword(event: SubmitEvent, account: Account): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const password = new FormData(form).get('password');
    if (await this.act(() => api(`/api/users/${account.id}/password`, { method: 'POST', body: { password } }), 'planPasswordReset')) form.reset();
  }

  override render(): TemplateResult {
    return html`
      <h1>${this.msg('planUsersTitle')}</h1>
      ${this.renderMessages()}
      ${this.renderUnits()} ${this.renderNewAccount()}
      ${this.accounts === null ? html`<p>${this.msg('loading')}</p>` : this.renderAccounts(this.accounts)}
    `;
  }

  private unitOptions(selected: string | null): TemplateResult {
    return html`<option value="" ?selected=${selected === null}>${this.msg('planNoUnit')}</option>
      ${this.units.map((unit) => html`<option value=${unit.id} ?selected=${unit.id === selected}>${unit.name}</option>`)}`;
  }

  private roleChecks(idPrefix: string, checked: readonly OrgRole[]): TemplateResult {
    return html`<fieldset>
      <legend>${this.msg('planRoles')}</legend>
      <div class="checks">
        ${ORG_ROLES.map(
          (role) => html`<label for="${idPrefix}-${role}"
            ><input type="checkbox" id="${idPrefix}-${role}" name="roles" value=${role} ?checked=${checked.includes(role)} />${this.msg(ROLE_KEYS[role])}</label
          >`,
        )}
      </div>
    </fieldset>`;
  }

  private renderUnits(): TemplateResult {
    return html`
      <section aria-labelledby="units-title">
        <h2 id="units-title">${this.msg('planUnitsTitle')}</h2>
        <ul>
          ${this.units.map((unit) => html`<li>${unit.name}（${this.msg(KIND_KEYS[unit.kind])}）</li>`)}
        </ul>
        <form @submit=${(e: SubmitEvent) => void this.addUnit(e)} aria-labelledby="unit-form-title">
          <h3 id="unit-form-title">${this.msg('planAddUnit')}</h3>
          <div class="row">
            <div class="field">
              <label for="unit-name">${this.msg('planUnitName')}</label>
              <input id="unit-name" name="name" required maxlength="100" />
            </div>
            <div class="field">
              <label for="unit-kind">${this.msg('planUnitKind')}</label>
              <select id="unit-kind" name="kind">
                ${ORGANISATION_KINDS.map((kind) => html`<option value=${kind}>${this.msg(KIND_KEYS[kind])}</option>`)}
              </select>
            </div>
            <button type="submit" ?disabled=${this.busy}>${this.msg('planAddUnit')}</button>
          </div>
        </form>
      </section>
    `;
  }

  private renderNewAccount(): TemplateResult {
    return html`
      <form @submit=${(e: SubmitEvent) => void this.addAccount(e)} aria-labelledby="account-form-title">
        <h2 id="account-form-title">${this.msg('planAddAccount')}</h2>
        <div class="row">
          <div class="field">
            <label for="new-username">${this.msg('username')}</label>
            <input id="new-username" name="username" required maxlength="100" autocomplete="off" />
          </div>
          <div class="field">
            <label for="new-password">${this.msg('planInitialPassword')}</label>
            <input id="new-password" name="password" type="password" required minlength="10" autocomplete="new-password" />
          </div>
          <div class="field">
            <label for="new-unit">${this.msg('planUnit')}</label>
            <select id="new-unit" name="organisationId">${this.unitOptions(null)}</select>
          </div>
          <div class="field">
            <label for="new-email">${this.msg('planEmail')}</label>
            <input id="new-email" name="email" type="email" maxlength="254" autocomplete="off" />
          </div>
        </div>
        ${this.roleChecks('new-role', [])}
        <button type="submit" ?disabled=${this.busy}>${this.msg('planAddAccount')}</button>
      </form>
    `;
  }

  private renderAccounts(accounts: Account[]): TemplateResult {
    return html`
      <h2>${this.msg('planAccountsTitle')}</h2>
      ${accounts.map(
        (account) => html`
          <details>
            <summary>
              ${account.username}${account.role === 'admin' ? html` — ${this.msg('planAdministrator')}` : nothing}:
              ${account.roles.map((role) => this.msg(ROLE_KEYS[role])).join('、') || this.msg('planNoRoles')}
              ${account.organisationId ? html`（${this.units.find((unit) => unit.id === account.organisationId)?.name ?? ''}）` : nothing}
              ${account.email ? html` — ${this.msg('planEmailShown', { email: account.email })}` : nothing}
            </summary>
            <form @submit=${(e: SubmitEvent) => void this.saveAssignment(e, account)} aria-label=${this.msg('planAssignmentOf', { username: account.username })}>
              <div class="field">
                <label for="unit-${account.id}">${this.msg('planUnit')}</label>
                <select id="unit-${account.id}" name="organisationId">${this.unitOptions(account.organisationId)}</select>
              </div>
              <div class="field">
                <label for="email-${account.id}">${this.msg('planEmail')}</label>
                <input id="email-${account.id}" name="email" type="email" maxlength="254" autocomplete="off" .value=${account.email ?? ''} />
              </div>
              ${this.roleChecks(`role-${account.id}`, account.roles)}
              <button type="submit" ?disabled=${this.busy}>${this.msg('planSaveAssignment')}</button>
            </form>
            <form @submit=${(e: SubmitEvent) => void this.resetPassword(e, account)} aria-label=${this.msg('planResetPasswordOf', { username: account.username })}>
              <div class="row">
                <div class="field">
                  <label for="password-${account.id}">${this.msg('planNewPassword')}</label>
                  <input id="password-${account.id}" name="password" type="password" required minlength="10" autocomplete="new-password" />
                </div>
                <button type="submit" ?disabled=${this.busy}>${this.msg('planResetPassword')}</button>
              </div>
            </form>
          </details>
        `,
      )}
    `;
  }
}

if (!customElements.get('oi-plan-users')) customElements.define('oi-plan-users', OiPlanUsers);
