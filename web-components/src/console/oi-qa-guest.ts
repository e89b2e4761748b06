import { html, nothing, type TemplateResult } from 'lit';
import type { Guest } from '../api/types.js';
import { authorLabel, byTime } from '../qa/labels.js';
import type { StaffQaStore } from '../qa/qa-store.js';
import type { StaffQuestion } from '../qa/types.js';
import { renderPostList } from './oi-qa-post-form.js';
import { QaDesk } from './qa-desk.js';
import './oi-qa-post-form.js';

/**
 * #/interviews/:id/guest (嘉宾 or their assistant): posts as the guest the interview's membership names
 * (`me.guestIndex`), optionally answering a question; an admin without one picks the guest. The approved
 * questions are listed for context, the one being answered first.
 */
export class OiQaGuest extends QaDesk {
  static override properties = {
    ...QaDesk.properties,
    pickedGuest: { state: true },
  };

  declare pickedGuest: number;

  protected readonly titleKey = 'qaPageGuest' as const;

  constructor() {
    super();
    this.pickedGuest = 0;
  }

  protected renderDesk(store: StaffQaStore): TemplateResult {
    // The guest list comes with the interview: until then, who this desk writes as is unknown, not unassigned.
    if (!this.interview) return html`<p>${this.msg('loading')}</p>`;
    const me = store.snapshot?.me;
    const guests: Guest[] = this.interview.guests;
    const assigned = me?.guestIndex ?? null;
    const index = assigned ?? (me?.admin ? this.pickedGuest : null);
    const guest = index !== null ? guests[index] : undefined;
    const answeringId = store.state.answeringQuestionId;
    const questions = store.state.questions
      .values()
      .filter((q) => q.status === 'approved')
      .sort(byTime<StaffQuestion>((q) => q.createdAt))
      .sort((a, b) => Number(b.id === answeringId) - Number(a.id === answeringId));
    const posts = guest
      ? store.state.posts.values().filter((p) => p.role === 'guest' && p.authorName === guest.name)
      : [];
    return html`
      ${assigned === null && me?.admin && guests.length > 0
        ? html`<div class="field">
            <label for="guest-pick">${this.msg('postGuestPick')}</label>
            <select id="guest-pick" @change=${(e: Event) => (this.pickedGuest = Number((e.target as HTMLSelectElement).value))}>
              ${guests.map(
                (g, i) => html`<option value=${i} ?selected=${i === this.pickedGuest}>
                  ${authorLabel(this.lang, { role: 'guest', authorName: g.name, authorPosition: g.position || null })}
                </option>`,
              )}
            </select>
          </div>`
        : nothing}
      ${guest && index !== null
        ? html`<h2>
              ${this.msg('postAs', {
                who: authorLabel(this.lang, { role: 'guest', authorName: guest.name, authorPosition: guest.position || null }),
              })}
            </h2>
            <oi-qa-post-form
              lang=${this.lang ?? nothing}
              interview-id=${this.interviewId}
              author="guest"
              guest-index=${index}
              .store=${store}
            ></oi-qa-post-form>`
        : html`<p class="warning">${this.msg('postNoGuest')}</p>`}
      <h2>${this.msg('guestQuestionsTitle', { count: questions.length })}</h2>
      ${questions.length === 0
        ? html`<p>${this.msg('hostNoQuestions')}</p>`
        : html`<ul class="items">
            ${questions.map(
              (q) => html`<li class="item ${q.id === answeringId ? 'answering' : ''}">
                <p class="item-meta">
                  <strong>${q.nickname}</strong>${this.time(q.createdAt)}
                  ${q.id === answeringId ? html`<span class="tag live">${this.msg('qaAnswering')}</span>` : nothing}
                  ${q.selected ? html`<span class="tag">${this.msg('modRecommended')}</span>` : nothing}
                </p>
                <p class="item-text">${q.body}</p>
              </li>`,
            )}
          </ul>`}
      ${guest
        ? html`<details>
            <summary>${this.msg('postMineTitle', { count: posts.length })}</summary>
            ${renderPostList(this.lang, posts, (iso) => this.time(iso))}
          </details>`
        : nothing}
    `;
  }
}

if (!customElements.get('oi-qa-guest')) customElements.define('oi-qa-guest', OiQaGuest);
