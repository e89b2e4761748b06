import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { t, type MessageKey } from '../i18n/index.js';
import { byTime, charCount } from '../qa/labels.js';
import type { StaffQaStore } from '../qa/qa-store.js';
import { QA_LIMITS, type PostRole, type StaffPost, type StaffQuestion } from '../qa/types.js';
import { ApiError } from '../api/client.js';
import { api, errorMessage } from './api.js';
import { QaDesk, excerpt } from './qa-desk.js';
import { uploadImage } from './uploadImage.js';

/** The server's limits for post pictures (server/qa/imageLimits.ts), checked here first to answer at once. */
const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const MAX_IMAGES = 9;
const MAX_IMAGE_MB = 10;

/** A picture picked for the post: uploading (progress 0–1), then stored with the server's id. */
interface PickedImage {
  key: number;
  name: string;
  /** A local object URL, so the thumbnail shows before the upload ends. */
  preview: string;
  progress: number;
  id: string | null;
}

/** The catalogue message for an upload the server refused, by its stable code. */
const UPLOAD_ERRORS: Record<string, MessageKey> = {
  image_too_large: 'postImageTooLarge',
  image_type_mismatch: 'postImageWrongType',
  unsupported_image_type: 'postImageWrongType',
  image_too_many_pixels: 'postImageTooManyPixels',
  image_unreadable: 'postImageUnreadable',
};

/**
 * <oi-qa-post-form>: writes one 图文直播 post as the host or as a guest, optionally answering a question (一问一答).
 * The question picker follows the one being answered until the writer picks another.
 */
export class OiQaPostForm extends LitElement {
  static override properties = {
    lang: { type: String, reflect: true },
    interviewId: { type: String, attribute: 'interview-id' },
    author: { type: String },
    guestIndex: { type: Number, attribute: 'guest-index' },
    store: { attribute: false },
    body: { state: true },
    questionChoice: { state: true },
    busy: { state: true },
    error: { state: true },
    notice: { state: true },
    images: { state: true },
  };

  declare lang: string;
  declare interviewId: string;
  /** Who writes: the host or a guest (not `role`, which is ARIA's attribute). */
  declare author: PostRole;
  declare guestIndex: number | null;
  declare store: StaffQaStore | null;
  declare body: string;
  /** The picked question's id, '' for none, or null to follow the one being answered. */
  declare questionChoice: string | null;
  declare busy: boolean;
  declare error: string;
  declare notice: string;
  declare images: PickedImage[];
  #nextKey = 0;

  constructor() {
    super();
    this.author = 'host';
    this.guestIndex = null;
    this.store = null;
    this.body = '';
    this.questionChoice = null;
    this.busy = false;
    this.error = '';
    this.notice = '';
    this.images = [];
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const image of this.images) URL.revokeObjectURL(image.preview);
  }

  /** Uploads each picked file at once; refusals (type, size, count) are said per file and the rest go on. */
  private pick(event: Event): void {
    const input = event.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    const room = MAX_IMAGES - this.images.length;
    const errors: string[] = [];
    if (files.length > room) errors.push(this.msg('postImageTooMany', { max: MAX_IMAGES }));
    for (const file of files.slice(0, Math.max(room, 0))) {
      if (!IMAGE_TYPES.includes(file.type)) errors.push(this.msg('postImageWrongType', { name: file.name }));
      else if (file.size > MAX_IMAGE_MB * 1024 * 1024) errors.push(this.msg('postImageTooLarge', { name: file.name, mb: MAX_IMAGE_MB }));
      else void this.upload(file);
    }
    this.error = errors.join(' ');
  }

  private async upload(file: File): Promise<void> {
    const picked: PickedImage = { key: this.#nextKey++, name: file.name, preview: URL.createObjectURL(file), progress: 0, id: null };
    this.images = [...this.images, picked];
    const update = (change: Partial<PickedImage>) => {
      this.images = this.images.map((image) => (image.key === picked.key ? { ...image, ...change } : image));
    };
    try {
      const stored = await uploadImage(this.interviewId, file, (progress) => update({ progress }));
      update({ id: stored.id, progress: 1 });
    } catch (error) {
      this.removeImage(picked.key);
      const key = error instanceof ApiError ? UPLOAD_ERRORS[error.code] : undefined;
      const message = key
        ? this.msg(key, { name: file.name, mb: MAX_IMAGE_MB })
        : this.msg('postImageFailed', { name: file.name, message: errorMessage(error) });
      this.error = [this.error, message].filter(Boolean).join(' ');
    }
  }

  private removeImage(key: number): void {
    const image = this.images.find((candidate) => candidate.key === key);
    if (image) URL.revokeObjectURL(image.preview);
    this.images = this.images.filter((candidate) => candidate.key !== key);
  }

  private msg(key: MessageKey, params?: Record<string, string | number>): string {
    return t(this.lang, key, params);
  }

  private questionId(): string {
    return this.questionChoice ?? this.store?.state.answeringQuestionId ?? '';
  }

  private async submit(event: Event): Promise<void> {
    event.preventDefault();
    const store = this.store;
    const body = this.body.trim();
    if (!store || this.busy) return;
    this.notice = '';
    if (charCount(body) < QA_LIMITS.postBody.min || charCount(body) > QA_LIMITS.postBody.max) {
      this.error = this.msg('postBodyRequired', { max: QA_LIMITS.postBody.max });
      this.renderRoot.querySelector<HTMLElement>('#post-body')?.focus();
      return;
    }
    if (this.images.some((image) => image.id === null)) {
      this.error = this.msg('postImagesWait');
      return;
    }
    this.busy = true;
    this.error = '';
    const seq = store.state.seq;
    const imageIds = this.images.map((image) => image.id as string);
    const questionId = this.questionId();
    try {
      const post = await api<StaffPost>(`/api/interviews/${encodeURIComponent(this.interviewId)}/posts`, {
        method: 'POST',
        body: {
          role: this.author,
          ...(this.author === 'guest' && this.guestIndex !== null ? { guestIndex: this.guestIndex } : {}),
          body,
          ...(questionId ? { questionId } : {}),
          ...(imageIds.length > 0 ? { imageIds } : {}),
        },
      });
      store.applyAnswer('post', post, seq);
      this.body = '';
      this.questionChoice = null;
      for (const image of this.images) URL.revokeObjectURL(image.preview);
      this.images = [];
      this.notice = this.msg(post.status === 'pending' ? 'postSubmittedPending' : 'postSubmittedPublished');
    } catch (error) {
      this.error = this.msg('errGeneric', { message: errorMessage(error) });
    } finally {
      this.busy = false;
    }
  }

  override render(): TemplateResult {
    const store = this.store;
    const questions = (store?.state.questions.values() ?? [])
      .filter((q) => q.status === 'approved' || q.status === 'answered')
      .sort(byTime<StaffQuestion>((q) => q.createdAt));
    const chosen = this.questionId();
    return html`
      <form @submit=${(e: Event) => void this.submit(e)}>
        <div class="field">
          <label for="post-body">${this.msg('postBody')}</label>
          <textarea
            id="post-body"
            rows="5"
            maxlength=${QA_LIMITS.postBody.max}
            aria-describedby="post-count"
            .value=${this.body}
            @input=${(e: Event) => (this.body = (e.target as HTMLTextAreaElement).value)}
          ></textarea>
          <p id="post-count" class="hint">${this.msg('postCount', { count: charCount(this.body.trim()), max: QA_LIMITS.postBody.max })}</p>
        </div>
        <div class="field">
          <label for="post-question">${this.msg('postAnswers')}</label>
          <select id="post-question" @change=${(e: Event) => (this.questionChoice = (e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${chosen === ''}>${this.msg('postAnswersNone')}</option>
            ${questions.map(
              (q) => html`<option value=${q.id} ?selected=${chosen === q.id}>
                ${this.msg(q.id === store?.state.answeringQuestionId ? 'postQuestionAnswering' : 'postQuestionOption', {
                  nickname: q.nickname,
                  body: excerpt(q.body, 40),
                })}
              </option>`,
            )}
          </select>
        </div>
        <div class="field">
          <label for="post-images">${this.msg('postImagesAdd')}</label>
          <input
            id="post-images"
            type="file"
            accept=${IMAGE_TYPES.join(',')}
            multiple
            aria-describedby="post-images-hint"
            ?disabled=${this.images.length >= MAX_IMAGES}
            @change=${(e: Event) => this.pick(e)}
          />
          <p id="post-images-hint" class="hint">${this.msg('postImagesHint', { max: MAX_IMAGES, mb: MAX_IMAGE_MB })}</p>
          ${this.images.length === 0 ? nothing : html`<ul class="thumbs">${this.images.map((image) => this.renderThumb(image))}</ul>`}
        </div>
        <p class="error" role="alert">${this.error}</p>
        <p role="status">${this.notice}</p>
        <button type="submit" ?disabled=${this.busy || !store}>${this.msg('postSubmit')}</button>
      </form>
    `;
  }

  private renderThumb(image: PickedImage): TemplateResult {
    return html`<li class="thumb">
      <img src=${image.preview} alt=${this.msg('postImageAlt', { name: image.name })} width="96" height="96" />
      ${image.id === null
        ? html`<progress max="1" .value=${image.progress} aria-label=${this.msg('postImageUploading', { percent: Math.round(image.progress * 100) })}></progress>`
        : nothing}
      <button type="button" aria-label=${this.msg('postImageRemove', { name: image.name })} @click=${() => this.removeImage(image.key)}>
        ${this.msg('postImageRemoveShort')}
      </button>
    </li>`;
  }

  static override styles = [
    ...QaDesk.styles,
    css`
      .thumbs {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        list-style: none;
        margin: 0.5rem 0 0;
        padding: 0;
      }
      .thumb {
        display: flex;
        flex-direction: column;
        gap: 0.25rem;
        width: 96px;
      }
      .thumb img {
        width: 96px;
        height: 96px;
        object-fit: cover;
        border-radius: 4px;
      }
      .thumb progress {
        width: 100%;
      }
    `,
  ];
}

/** The posts one writer sees under the form, newest first, with their review status. */
export function renderPostList(lang: string, posts: StaffPost[], time: (iso: string | null) => unknown): TemplateResult {
  const msg = (key: MessageKey, params?: Record<string, string | number>) => t(lang, key, params);
  if (posts.length === 0) return html`<p>${msg('postNone')}</p>`;
  const statusKeys: Record<StaffPost['status'], MessageKey> = {
    pending: 'postStatusPending',
    approved: 'postStatusApproved',
    rejected: 'postStatusRejected',
  };
  return html`<ul class="items">
    ${[...posts]
      .sort(byTime<StaffPost>((p) => p.createdAt))
      .reverse()
      .map(
        (post) => html`<li class="item">
          <p class="item-meta">
            <span class="tag">${msg(statusKeys[post.status])}</span>${time(post.createdAt)}
            ${post.rejectReason ? html`<span>${msg('postRejectedReason', { reason: post.rejectReason })}</span>` : nothing}
          </p>
          <p class="item-text">${post.body}</p>
        </li>`,
      )}
  </ul>`;
}

if (!customElements.get('oi-qa-post-form')) customElements.define('oi-qa-post-form', OiQaPostForm);
