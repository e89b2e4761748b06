import { z } from 'zod';
import type { InterviewRole, ReviewSettings } from '../../domain/qa/types.js';
import type { MyQuestion, PublicPost, PublicQuestion, StaffPost, StaffQuestion } from '../../domain/qa/views.js';
import type { StaffBan } from '../../qa/BanService.js';
import type { UploadedImage } from '../../qa/ImageService.js';
import type { MemberJson } from '../../qa/MemberService.js';
import type { AuditEntryJson, PublicQaJson, StaffQaJson } from '../../qa/QaReadService.js';

/**
 * The Q&A's JSON answers as zod schemas, for the OpenAPI document (`z.toJSONSchema`). The server builds these
 * shapes as TypeScript types (server/domain/qa/views.ts and the services); each schema below is checked at compile
 * time to be exactly its type (`Same`), and the integration tests parse real answers and socket messages with them,
 * so the document cannot drift from what the server sends.
 */

/** True when each type is assignable to the other, and neither adds a key the other lacks. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? ([keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false) : false) : false;
const same = <A, B>(proof: Same<A, B>) => proof;

const id = z.uuid();
const isoDate = z.string().describe('ISO 8601 date and time');
const questionStatus = z.enum(['pending', 'approved', 'rejected', 'answered', 'withdrawn', 'merged']);
const interviewRole = z.enum(['moderator', 'host', 'guest', 'reviewer']);

export const publicQuestionSchema = z
  .strictObject({
    id,
    nickname: z.string(),
    body: z.string(),
    status: z.enum(['approved', 'answered']),
    answering: z.boolean().describe('The question being answered now (正在回答)'),
    createdAt: isoDate,
    answeredAt: isoDate.nullable(),
  })
  .meta({ id: 'PublicQuestion', description: 'An approved or answered question, as every viewer sees it' });

export const myQuestionSchema = z
  .strictObject({ id, nickname: z.string(), body: z.string(), status: questionStatus, rejectReason: z.string().nullable(), createdAt: isoDate })
  .meta({ id: 'MyQuestion', description: "A question as its asker's device sees it, whatever its status" });

export const staffQuestionSchema = z
  .strictObject({
    id,
    nickname: z.string(),
    contact: z.string().nullable(),
    body: z.string(),
    originalBody: z.string().nullable().describe('The text as asked, when a moderator corrected it'),
    status: questionStatus,
    selected: z.boolean().describe('Recommended to the host'),
    answering: z.boolean(),
    rejectReason: z.string().nullable(),
    mergedInto: id.nullable(),
    flagged: z.boolean().describe('A sensitive word matched'),
    advance: z.boolean().describe('Asked before the show (预约提问)'),
    createdAt: isoDate,
    updatedAt: isoDate,
    answeredAt: isoDate.nullable(),
    programTimeMs: z.int().nullable().describe('Offset from the start of the show when answered'),
  })
  .meta({ id: 'StaffQuestion', description: 'Everything about a question, for staff' });

const publicImage = z.strictObject({ id, url: z.string(), width: z.int(), height: z.int() });
export const publicPostSchema = z
  .strictObject({
    id,
    role: z.enum(['host', 'guest']),
    authorName: z.string(),
    authorPosition: z.string().nullable(),
    body: z.string(),
    images: z.array(publicImage),
    questionId: id.nullable().describe('The question this post answers (一问一答)'),
    publishedAt: isoDate,
  })
  .meta({ id: 'PublicPost', description: 'A published post of the 图文直播' });

const mimeType = z.enum(['image/jpeg', 'image/png', 'image/webp']);
const staffImage = z.strictObject({ id, path: z.string(), mimeType, width: z.int(), height: z.int(), bytes: z.int(), url: z.string() });
export const staffPostSchema = z
  .strictObject({
    id,
    interviewId: id,
    role: z.enum(['host', 'guest']),
    authorName: z.string(),
    authorPosition: z.string().nullable(),
    authorUserId: id,
    body: z.string(),
    images: z.array(staffImage),
    questionId: id.nullable(),
    status: z.enum(['pending', 'approved', 'rejected']),
    rejectReason: z.string().nullable(),
    createdAt: isoDate,
    updatedAt: isoDate,
    publishedAt: isoDate.nullable(),
    programTimeMs: z.int().nullable(),
  })
  .meta({ id: 'StaffPost', description: 'Everything about a post, for staff' });

export const reviewSettingsSchema = z
  .strictObject({
    reviewQuestions: z.boolean(),
    reviewHostPosts: z.boolean(),
    reviewGuestPosts: z.boolean(),
    sensitiveWordAction: z.enum(['hold', 'reject']),
    questionsOpen: z.boolean(),
  })
  .meta({ id: 'ReviewSettings', description: "The interview's review settings (审核把关)" });

export const banSchema = z
  .strictObject({
    id,
    questionId: id.nullable(),
    nickname: z.string().nullable(),
    reason: z.string(),
    scope: z.enum(['interview', 'all']),
    createdAt: isoDate,
    expiresAt: isoDate.nullable(),
    createdBy: z.string().nullable().describe("The moderator's username"),
  })
  .meta({ id: 'Ban', description: 'A ban (禁止提问), named by its question; never the hashes it holds' });

export const memberSchema = z
  .strictObject({ userId: id, username: z.string(), roles: z.array(interviewRole), guestIndex: z.int().nullable() })
  .meta({ id: 'Member', description: 'A member of the interview and their roles' });

export const auditEntrySchema = z
  .strictObject({
    id: z.string().describe('In the order written'),
    createdAt: isoDate,
    actorUserId: id.nullable(),
    actorUsername: z.string().nullable(),
    action: z.string().describe('e.g. question.approve, post.create, ban.delete'),
    targetType: z.string(),
    targetId: z.string(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .meta({ id: 'AuditEntry', description: 'Who did what, when; before and after are the staff views' });

export const uploadedImageSchema = z
  .strictObject({ id, url: z.string(), width: z.int(), height: z.int(), bytes: z.int(), mimeType })
  .meta({ id: 'UploadedImage', description: 'A stored picture, waiting for the post that will carry it' });

export const publicQaSchema = z
  .strictObject({
    seq: z.int().describe('Say hello on the socket with this seq to follow from here'),
    questions: z.array(publicQuestionSchema),
    posts: z.array(publicPostSchema),
    answeringQuestionId: id.nullable(),
    questionsOpen: z.boolean(),
  })
  .meta({ id: 'PublicQa', description: 'What viewers see of the Q&A' });

export const staffQaSchema = z
  .strictObject({
    seq: z.int(),
    questions: z.array(staffQuestionSchema),
    posts: z.array(staffPostSchema),
    settings: reviewSettingsSchema,
    me: z.strictObject({ roles: z.array(interviewRole), guestIndex: z.int().nullable(), admin: z.boolean() }),
  })
  .meta({ id: 'StaffQa', description: "The staff's whole view, and the caller's roles" });

export const answeringClearedSchema = z.strictObject({ answeringQuestionId: z.null() });

// Each schema is its server type exactly; a field added on one side and not the other stops the build.
same<z.output<typeof publicQuestionSchema>, PublicQuestion>(true);
same<z.output<typeof myQuestionSchema>, MyQuestion>(true);
same<z.output<typeof staffQuestionSchema>, StaffQuestion>(true);
same<z.output<typeof publicPostSchema>, PublicPost>(true);
same<z.output<typeof staffPostSchema>, StaffPost>(true);
same<z.output<typeof reviewSettingsSchema>, ReviewSettings>(true);
same<z.output<typeof banSchema>, StaffBan>(true);
same<z.output<typeof memberSchema>, MemberJson>(true);
same<z.output<typeof auditEntrySchema>, AuditEntryJson>(true);
same<z.output<typeof uploadedImageSchema>, UploadedImage>(true);
same<z.output<typeof publicQaSchema>, PublicQaJson>(true);
same<z.output<typeof staffQaSchema>, StaffQaJson>(true);
same<z.output<typeof interviewRole>, InterviewRole>(true);
