import { z } from 'zod';
import { ORG_ROLES, ORGANISATION_KINDS } from '../domain/plan/orgRoles.js';
import { CHECKLIST_ITEMS } from '../domain/plan/preparationChecklist.js';
import { passwordProblem } from '../auth/passwordPolicy.js';

const text = (max: number) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be text') })
    .trim()
    .max(max, { error: `must be at most ${max} characters` });

const optionalText = (max: number) => text(max).default('');
const uuid = z.uuid({ error: 'must be an id from the list' });

export const yearParam = z.coerce
  .number({ error: 'must be a year' })
  .int({ error: 'must be a year' })
  .min(2000, { error: 'must be a year from 2000 to 2100' })
  .max(2100, { error: 'must be a year from 2000 to 2100' });

export const yearQuery = z.object({ year: yearParam.optional() });

export const newOrganisationBody = z.object(
  {
    name: text(100).min(1, { error: 'must not be empty' }),
    kind: z.enum(ORGANISATION_KINDS, { error: `must be ${ORGANISATION_KINDS.join(', ')}` }),
  },
  { error: 'must be a JSON object {name, kind}' },
);

/** New and reset passwords follow the policy in server/auth/passwordPolicy.ts (ASVS 2.1). */
const password = z.string({ error: 'is required' }).superRefine((value, ctx) => {
  const problem = passwordProblem(value);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
});

/** An account's e-mail address for reminders; '' or null clears it. */
const emailAddress = z
  .union([z.email({ error: 'must be an e-mail address, e.g. name@example.gov.cn' }).max(254, { error: 'must be at most 254 characters' }), z.literal(''), z.null()], {
    error: 'must be an e-mail address, e.g. name@example.gov.cn',
  })
  .transform((value) => (value === '' ? null : value));

export const assignmentBody = z.object(
  {
    organisationId: uuid.nullable().default(null),
    roles: z.array(z.enum(ORG_ROLES, { error: `must be one of ${ORG_ROLES.join(', ')}` }), { error: 'must be a list of roles' }).default([]),
    /** Left as it is when absent. */
    email: emailAddress.optional(),
  },
  { error: 'must be a JSON object {organisationId, roles, email?}' },
);

export const newUserBody = assignmentBody
  .extend({
    username: text(100).min(1, { error: 'must not be empty' }),
    password,
    admin: z.boolean({ error: 'must be true or false' }).default(false),
  })
  .superRefine((body, ctx) => {
    const problem = passwordProblem(body.password, body.username);
    if (problem !== null) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
  });

export const passwordBody = z.object({ password }, { error: 'must be a JSON object {password}' });

export const proposalFormBody = z.object(
  {
    suggestedTime: optionalText(100),
    guests: z
      .array(z.object({ name: text(100).min(1, { error: 'must not be empty' }), position: optionalText(200) }, { error: 'must be {name, position}' }), {
        error: 'must be a list of {name, position}',
      })
      .max(20, { error: 'must list at most 20 guests' })
      .default([]),
    topic: optionalText(500),
    mainContent: optionalText(5000),
    columnSuggestions: optionalText(5000),
    contactPerson: optionalText(100),
    phone: optionalText(50),
    fax: optionalText(50),
  },
  { error: 'must be a JSON object with the form fields' },
);

export const newProposalBody = proposalFormBody.extend({
  year: yearParam,
  organisationId: uuid.nullable().default(null),
});

export const reviewBody = z.discriminatedUnion(
  'decision',
  [
    z.object({ decision: z.literal('accept') }),
    z.object({ decision: z.literal('request_changes'), comment: text(2000) }),
    z.object({ decision: z.literal('decline'), reason: text(2000) }),
  ],
  { error: 'must be {decision: accept} or {decision: request_changes, comment} or {decision: decline, reason}' },
);

export const reminderBody = z.object(
  {
    year: yearParam,
    organisationIds: z.array(uuid, { error: 'must be a list of unit ids' }).nullable().default(null),
    message: text(1000).min(1, { error: 'must not be empty' }),
  },
  { error: 'must be a JSON object {year, organisationIds?, message}' },
);

export const planRowBody = z.object(
  {
    unitName: text(100).min(1, { error: 'must not be empty' }),
    organisationId: uuid.nullable().default(null),
    timeText: optionalText(50),
    topic: text(500).min(1, { error: 'must not be empty' }),
    remarks: optionalText(500),
  },
  { error: 'must be a JSON object {unitName, organisationId?, timeText, topic, remarks}' },
);

export const publishBody = z.object({ published: z.boolean({ error: 'must be true or false' }) }, { error: 'must be a JSON object {published}' });

export const scheduleBody = z.object(
  {
    startsAt: z.iso
      .datetime({ offset: true, error: 'must be an ISO 8601 date-time with a time zone, e.g. 2018-05-15T09:30:00+08:00' })
      .nullish()
      .transform((value) => (value ? new Date(value) : null)),
  },
  { error: 'must be a JSON object {startsAt?}' },
);

export const checklistItemParam = z.enum(CHECKLIST_ITEMS, { error: `must be one of ${CHECKLIST_ITEMS.join(', ')}` });

export const checklistMarkBody = z.object({ done: z.boolean({ error: 'must be true or false' }) }, { error: 'must be a JSON object {done}' });

export const planSettingsBody = z.object(
  {
    announceDaysBefore: z.int({ error: 'must be a whole number of days' }).min(0, { error: 'must be 0 to 60' }).max(60, { error: 'must be 0 to 60' }),
  },
  { error: 'must be a JSON object {announceDaysBefore}' },
);
