import { html, nothing, type TemplateResult } from 'lit';
import type { StaffTranscript, TranscriptAction, TranscriptEntry, TranscriptRole, TranscriptStatus } from '../api/recordsTypes.js';
import type { MessageKey } from '../i18n/index.js';
import { RecordsPage } from './records-page.js';

const ROLES: readonly TranscriptRole[] = ['host', 'guest', 'netizen', 'department', 'staff'];

const ROLE_KEYS: Record<TranscriptRole, MessageKey> = {
  host: 'recRoleHost',
  guest: 'recRoleGuest',
  netizen: 'recRoleNetizen',
  department: 'recRoleDepartment',
  staff: 'recRoleStaff',
};

const STATUS_KEYS: Record<TranscriptStatus, MessageKey> = {
  draft: 'recStatusDraft',
  approved: 'recStatusApproved',
  published: 'recStatusPublished',
};

const ACTION_KEYS: Record<TranscriptAction, MessageKey> = {
  build: 'recActionBuild',
  edit: 'recActionEdit',
  approve: 'recActionApprove',
  publish: 'recActionPublish',
  unpublish: 'recActionUnpublish',
};

/** An entry being edited, with its pictures for the thumbnails. */
type EditedEntry = TranscriptEntry & { images: { id: string; url: string; width: number; height: number }[] };

/**
 * #/interviews/:id/transcript (文字实录): build it from the show, correct it entry by entry (role, name, text, order;
 * pictures stay with their entry), save, approve, publish, take down; the history says who did what when, and the
 * published version can be downloaded as HTML, Markdown or Word.
 */
export class OiTranscriptPage extends RecordsPage {
  static override properties = {
    ...RecordsPage.properties,
    interviewId: { type: String, attribute: 'interview-id' },
    data: { state: true },
    entries: { state: true },
    dirty: { state: true },
  };

  declare interviewId: string;
  declare data: StaffTranscript | null;
  declare entries: EditedEntry[];
  declare dirty: boolean;

  constructor() {
    super();
    this.data = null;
    this.entries = [];
    this.dirty = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private get path(): string {
    return `/api/interviews/${encodeURIComponent(this.interviewId)}/transcript`;
  }

  private show(data: StaffTranscript): void {
    this.data = data;
    this.entries = (data.transcript?.entries ?? []).map((entry) => ({ ...entry, imageIds: [...entry.imageIds], images: [...entry.images] }));
    this.dirty = false;
  }

  private async load(): Promise<void> {
    const data = await this.run<StaffTranscript>(this.path);
    if (data) this.show(data);
  }

  private async build(): Promise<void> {
    if (this.data?.transcript && !window.confirm(this.msg('recRebuildConfirm'))) return;
    const data = await this.run<StaffTranscript>(`${this.path}/build`, { method: 'POST' });
    if (!data) return;
    this.show(data);
    this.notice = this.msg('recBuilt', { count: data.transcript?.entries.length ?? 0 });
  }

  private async save(): Promise<void> {
    const entries = this.entries.map(({ role, speaker, text, imageIds }) => ({ role, speaker, text, imageIds }));
    const data = await this.run<StaffTranscript>(this.path, { method: 'PUT', body: { entries } });
    if (!data) return;
    this.show(data);
    this.notice = this.msg('recSaved');
  }

  private async act(action: 'approve' | 'publish' | 'unpublish'): Promise<void> {
    if (action === 'unpublish' && !window.confirm(this.msg('recUnpublishConfirm'))) return;
    const data = await this.run<StaffTranscript>(`${this.path}/actions`, { method: 'POST', body: { action } });
    if (!data) return;
    this.show(data);
    this.notice = this.msg(action === 'approve' ? 'recApproved' : action === 'publish' ? 'recPublished' : 'recUnpublished');
  }

  private change(index: number, fields: Partial<EditedEntry>): void {
    this.entries = this.entries.map((entry, i) => (i === index ? { ...entry, ...fields } : entry));
    this.dirty = true;
  }

  private move(index: number, by: -1 | 1): void {
    const next = [...this.entries];
    const [entry] = next.splice(index, 1);
    next.splice(index + by, 0, entry!);
    this.entries = next;
    this.dirty = true;
    // Keep the keyboard on the entry that moved.
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#entry-${index + by}`)?.focus());
  }

  private removeEntry(index: number): void {
    this.entries = this.entries.filter((_, i) => i !== index);
    this.dirty = true;
  }

  private add(): void {
    this.entries = [...this.entries, { role: 'host', speaker: this.msg('recRoleHost'), text: '', imageIds: [], images: [] }];
    this.dirty = true;
    const index = this.entries.length - 1;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#text-${index}`)?.focus());
  }

  override render(): TemplateResult {
    const data = this.data;
    return html`
      ${this.backLink(this.interviewId)}
      <h1>${this.msg('recTranscriptTitle', { title: data?.interviewTitle ?? '' })}</h1>
      ${this.renderMessages()}
      ${data === null ? (this.error ? nothing : html`<p>${this.msg('loading')}</p>`) : this.renderTranscript(data)}
    `;
  }

  private renderTranscript(data: StaffTranscript): TemplateResult {
    const transcript = data.transcript;
    const { me } = data;
    return html`
      ${!data.showOver ? html`<p>${this.msg('recShowNotOver')}</p>` : nothing}
      ${transcript
        ? html`<p>
            <strong>${this.msg('recStatusLabel', { status: this.msg(STATUS_KEYS[transcript.status]) })}</strong>
            ${transcript.published && transcript.publishedAt
              ? html`<span>${this.msg('recPublishedCopy')}${this.dateTime(transcript.publishedAt)}</span>`
              : html`<span>${this.msg('recNotPublished')}</span>`}
          </p>`
        : html`<p>${this.msg('recNotBuilt')}</p>`}
      <div class="actions">
        ${me.canEdit && data.showOver
          ? html`<button type="button" class=${transcript ? 'secondary' : ''} ?disabled=${this.busy} @click=${() => void this.build()}>
              ${this.msg(transcript ? 'recRebuild' : 'recBuild')}
            </button>`
          : nothing}
        ${transcript && me.canApprove && transcript.status === 'draft'
          ? html`<button type="button" ?disabled=${this.busy || this.dirty} @click=${() => void this.act('approve')}>${this.msg('recApprove')}</button>`
          : nothing}
        ${transcript && me.canPublish && transcript.status === 'approved'
          ? html`<button type="button" ?disabled=${this.busy || this.dirty} @click=${() => void this.act('publish')}>${this.msg('recPublish')}</button>`
          : nothing}
        ${transcript?.published && me.canPublish
          ? html`<button type="button" class="danger" ?disabled=${this.busy} @click=${() => void this.act('unpublish')}>${this.msg('recUnpublish')}</button>`
          : nothing}
      </div>
      ${this.dirty ? html`<p class="warning">${this.msg('recUnsaved')}</p>` : nothing}
      ${transcript?.published ? this.renderExports() : nothing}
      ${transcript ? (me.canEdit ? this.renderEditor() : this.renderReadOnly()) : nothing}
      ${data.history.length > 0 ? this.renderHistory(data) : nothing}
    `;
  }

  private renderExports(): TemplateResult {
    const base = `/api/public/interviews/${encodeURIComponent(this.interviewId)}/transcript`;
    return html`<h2>${this.msg('recExportsTitle')}</h2>
      <ul>
        <li><a href="${base}.html">${this.msg('recExportHtml')}</a></li>
        <li><a href="${base}.md">${this.msg('recExportMarkdown')}</a></li>
        <li><a href="${base}.docx" download>${this.msg('recExportDocx')}</a></li>
      </ul>`;
  }

  private renderReadOnly(): TemplateResult {
    return html`<h2>${this.msg('recEntriesTitle', { count: this.entries.length })}</h2>
      <ol class="items">
        ${this.entries.map(
          (entry, index) => html`<li class="item">
            <p class="text"><strong>${this.msg(ROLE_KEYS[entry.role])} ${entry.speaker}</strong>：${entry.text}</p>
            ${this.renderThumbs(entry, index)}
          </li>`,
        )}
      </ol>`;
  }

  /** The entry's pictures; in the editor each can be removed (the picture stays on its post, only the transcript drops it). */
  private renderThumbs(entry: EditedEntry, index: number, editable = false): TemplateResult | typeof nothing {
    if (entry.images.length === 0) return nothing;
    return html`<div class="thumbs">
      ${entry.images.map(
        (image, k) => html`<figure>
          <img src=${image.url} width=${image.width} height=${image.height} alt=${this.msg('recImageAlt', { n: index + 1 })} />
          ${editable
            ? html`<figcaption>
                <button
                  type="button"
                  class="secondary"
                  aria-label=${this.msg('recRemoveImageNamed', { n: index + 1, k: k + 1 })}
                  @click=${() => this.change(index, { imageIds: entry.imageIds.filter((id) => id !== image.id), images: entry.images.filter((i) => i.id !== image.id) })}
                >
                  ${this.msg('recRemoveImage')}
                </button>
              </figcaption>`
            : nothing}
        </figure>`,
      )}
    </div>`;
  }

  private renderEditor(): TemplateResult {
    const last = this.entries.length - 1;
    return html`<form @submit=${(e: Event) => (e.preventDefault(), void this.save())}>
      <h2>${this.msg('recEntriesTitle', { count: this.entries.length })}</h2>
      <ol class="items">
        ${this.entries.map(
          (entry, index) => html`<li class="item">
            <fieldset id="entry-${index}" tabindex="-1">
              <legend>${this.msg('recEntryLegend', { n: index + 1 })}</legend>
              <div class="row">
                <div class="field">
                  <label for="role-${index}">${this.msg('recRoleLabel')}</label>
                  <select id="role-${index}" @change=${(e: Event) => this.change(index, { role: (e.target as HTMLSelectElement).value as TranscriptRole })}>
                    ${ROLES.map((role) => html`<option value=${role} ?selected=${role === entry.role}>${this.msg(ROLE_KEYS[role])}</option>`)}
                  </select>
                </div>
                <div class="field">
                  <label for="speaker-${index}">${this.msg('recSpeakerLabel')}</label>
                  <input
                    id="speaker-${index}"
                    required
                    maxlength="100"
                    .value=${entry.speaker}
                    @input=${(e: Event) => this.change(index, { speaker: (e.target as HTMLInputElement).value })}
                  />
                </div>
              </div>
              <div class="field wide">
                <label for="text-${index}">${this.msg('recTextLabel')}</label>
                <textarea
                  id="text-${index}"
                  required
                  maxlength="20000"
                  .value=${entry.text}
                  @input=${(e: Event) => this.change(index, { text: (e.target as HTMLTextAreaElement).value })}
                ></textarea>
              </div>
              ${this.renderThumbs(entry, index, true)}
              <div class="actions">
                <button type="button" class="secondary" ?disabled=${index === 0} aria-label=${this.msg('recMoveUpNamed', { n: index + 1 })} @click=${() => this.move(index, -1)}>
                  ${this.msg('recMoveUp')}
                </button>
                <button type="button" class="secondary" ?disabled=${index === last} aria-label=${this.msg('recMoveDownNamed', { n: index + 1 })} @click=${() => this.move(index, 1)}>
                  ${this.msg('recMoveDown')}
                </button>
                <button type="button" class="danger" aria-label=${this.msg('recRemoveNamed', { n: index + 1 })} @click=${() => this.removeEntry(index)}>
                  ${this.msg('recRemove')}
                </button>
              </div>
            </fieldset>
          </li>`,
        )}
      </ol>
      <div class="actions">
        <button type="button" class="secondary" @click=${() => this.add()}>${this.msg('recAddEntry')}</button>
        <button type="submit" ?disabled=${this.busy || !this.dirty}>${this.msg('recSave')}</button>
      </div>
    </form>`;
  }

  private renderHistory(data: StaffTranscript): TemplateResult {
    return html`<table>
      <caption>${this.msg('recHistoryTitle')}</caption>
      <thead>
        <tr>
          <th scope="col">${this.msg('recColTime')}</th>
          <th scope="col">${this.msg('recColAction')}</th>
          <th scope="col">${this.msg('recColUser')}</th>
        </tr>
      </thead>
      <tbody>
        ${data.history.map(
          (line) => html`<tr>
            <td>${this.dateTime(line.createdAt)}</td>
            <td>${this.msg(ACTION_KEYS[line.action])}</td>
            <td>${line.actorUsername ?? this.msg('recUnknownUser')}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }
}

if (!customElements.get('oi-transcript-page')) customElements.define('oi-transcript-page', OiTranscriptPage);
