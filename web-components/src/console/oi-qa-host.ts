import { html, nothing, type TemplateResult } from 'lit';
import { byTime } from '../qa/labels.js';
import { api } from './api.js';
import type { StaffQaStore } from '../qa/qa-store.js';
import type { StaffQuestion } from '../qa/types.js';
import { renderPostList } from './oi-qa-post-form.js';
import { QaDesk, excerpt } from './qa-desk.js';
import './oi-qa-post-form.js';

/**
 * #/interviews/:id/host (主持人): the questions the moderators recommended, then the other approved ones; the host
 * marks the one being asked now (正在回答, shown to viewers) and marks it answered; and writes host posts, each
 * optionally answering a question.
 */
export class OiQaHost extends QaDesk {
  protected readonly titleKey = 'qaPageHost' as const;

  private async mark(question: StaffQuestion, action: 'answering' | 'answered'): Promise<void> {
    const done = await this.run(async () => {
      await this.questionAction(question, { action });
    });
    if (done) {
      this.notice = this.msg(action === 'answering' ? 'hostDoneAnswering' : 'hostDoneAnswered', { body: excerpt(question.body) });
    }
  }

  /** Takes 正在回答 off the question without marking it answered (the host moved on, or marked it by mistake). */
  private async clearAnswering(question: StaffQuestion): Promise<void> {
    const done = await this.run(async () => {
      await api(`${this.path}/answering`, { method: 'DELETE' });
    });
    if (done) this.notice = this.msg('hostDoneCleared', { body: excerpt(question.body) });
  }

  protected renderDesk(store: StaffQaStore): TemplateResult {
    const questions = store.state.questions.values().sort(byTime<StaffQuestion>((q) => q.createdAt));
    const open = questions.filter((q) => q.status === 'approved');
    const selected = open.filter((q) => q.selected);
    const others = open.filter((q) => !q.selected);
    const answered = questions.filter((q) => q.status === 'answered');
    const answering = store.state.answeringQuestionId ? store.state.questions.get(store.state.answeringQuestionId) : undefined;
    const posts = store.state.posts.values().filter((p) => p.role === 'host');
    return html`
      <section class="panel" aria-labelledby="answering-title">
        <h2 id="answering-title">${this.msg('qaAnswering')}</h2>
        ${answering
          ? html`<p class="item-text"><strong>${answering.nickname}</strong>${this.msg('colon')}${answering.body}</p>
              <div class="actions">
                ${answering.status === 'approved'
                  ? html`<button type="button" ?disabled=${this.busy} @click=${() => void this.mark(answering, 'answered')}>
                      ${this.msg('hostMarkAnswered')}
                    </button>`
                  : nothing}
                <button
                  type="button"
                  class="secondary"
                  ?disabled=${this.busy}
                  aria-label=${this.msg('hostClearAnsweringNamed', { body: excerpt(answering.body) })}
                  @click=${() => void this.clearAnswering(answering)}
                >
                  ${this.msg('hostClearAnswering')}
                </button>
              </div>`
          : html`<p>${this.msg('hostNoAnswering')}</p>`}
      </section>
      <h2>${this.msg('postAsHost')}</h2>
      <oi-qa-post-form lang=${this.lang ?? nothing} interview-id=${this.interviewId} author="host" .store=${store}></oi-qa-post-form>
      <h2>${this.msg('hostSelectedTitle', { count: selected.length })}</h2>
      ${this.renderList(selected, answering?.id)}
      <h2>${this.msg('hostApprovedTitle', { count: others.length })}</h2>
      ${this.renderList(others, answering?.id)}
      <details>
        <summary>${this.msg('hostAnsweredTitle', { count: answered.length })}</summary>
        ${this.renderList(answered, answering?.id)}
      </details>
      <details>
        <summary>${this.msg('postMineTitle', { count: posts.length })}</summary>
        ${renderPostList(this.lang, posts, (iso) => this.time(iso))}
      </details>
    `;
  }

  private renderList(questions: StaffQuestion[], answeringId: string | undefined): TemplateResult {
    if (questions.length === 0) return html`<p>${this.msg('hostNoQuestions')}</p>`;
    return html`<ul class="items">
      ${questions.map((q) => {
        const isAnswering = q.id === answeringId;
        const named = { body: excerpt(q.body) };
        return html`<li class="item ${isAnswering ? 'answering' : ''}">
          <p class="item-meta">
            <strong>${q.nickname}</strong>${this.time(q.createdAt)}
            ${isAnswering ? html`<span class="tag live">${this.msg('qaAnswering')}</span>` : nothing}
            ${q.advance ? html`<span class="tag">${this.msg('modAdvance')}</span>` : nothing}
          </p>
          <p class="item-text">${q.body}</p>
          ${q.status === 'approved'
            ? html`<div class="actions">
                ${isAnswering
                  ? nothing
                  : html`<button
                      type="button"
                      ?disabled=${this.busy}
                      aria-label=${this.msg('hostSetAnsweringNamed', named)}
                      @click=${() => void this.mark(q, 'answering')}
                    >
                      ${this.msg('hostSetAnswering')}
                    </button>`}
                <button
                  type="button"
                  class="secondary"
                  ?disabled=${this.busy}
                  aria-label=${this.msg('hostMarkAnsweredNamed', named)}
                  @click=${() => void this.mark(q, 'answered')}
                >
                  ${this.msg('hostMarkAnswered')}
                </button>
              </div>`
            : nothing}
        </li>`;
      })}
    </ul>`;
  }
}

if (!customElements.get('oi-qa-host')) customElements.define('oi-qa-host', OiQaHost);
