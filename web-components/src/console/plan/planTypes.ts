// Wire types of the yearly workflow (mirrors server/http/planJson.ts and the routers' answers).

export type OrganisationKind = 'town' | 'department' | 'agency';
export type OrgRole = 'office_planner' | 'office_admin' | 'publisher' | 'studio_operator' | 'proposer' | 'dept_reviewer';
export const ORG_ROLES: readonly OrgRole[] = ['office_planner', 'office_admin', 'publisher', 'studio_operator', 'proposer', 'dept_reviewer'];
export const ORGANISATION_KINDS: readonly OrganisationKind[] = ['town', 'department', 'agency'];

export interface Organisation {
  id: string;
  name: string;
  kind: OrganisationKind;
}

export interface Account {
  id: string;
  username: string;
  role: 'admin' | 'staff';
  organisationId: string | null;
  roles: OrgRole[];
  email: string | null;
  createdAt: string;
}

export interface PlanMe {
  userId: string;
  username: string;
  admin: boolean;
  roles: OrgRole[];
  organisation: Organisation | null;
  can: Record<string, boolean>;
  /** The interviews where the user is host, guest, moderator or reviewer. */
  desks: { interviewId: string; roles: DeskRole[] }[];
}

/** A seat at an interview's Q&A desks (interview_members). */
export type DeskRole = 'moderator' | 'host' | 'guest' | 'reviewer';

export type ProposalStatus = 'draft' | 'submitted' | 'changes_requested' | 'accepted' | 'declined';

export interface ProposalForm {
  suggestedTime: string;
  guests: { name: string; position: string }[];
  topic: string;
  mainContent: string;
  columnSuggestions: string;
  contactPerson: string;
  phone: string;
  fax: string;
}

export interface Proposal extends ProposalForm {
  id: string;
  organisationId: string;
  year: number;
  status: ProposalStatus;
  reviewComment: string | null;
  planRowId: string | null;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  reviewedAt: string | null;
}

export interface MissingUnits {
  year: number;
  units: { id: string; name: string; kind: OrganisationKind; lastRemindedAt: string | null }[];
}

export interface UnitNotice {
  id: string;
  message: string;
  year: number;
  createdAt: string;
  readAt: string | null;
}

export interface PlanRow {
  id: string;
  year: number;
  seq: number;
  unitName: string;
  organisationId: string | null;
  timeText: string;
  plannedDate: string | null;
  topic: string;
  remarks: string;
  proposalId: string | null;
  interviewId: string | null;
}

export interface Plan {
  year: number;
  publishedAt: string | null;
  rows: PlanRow[];
}

export interface ImportProblem {
  row: number;
  column: string | null;
  reason: string;
}

export type ChecklistItem = 'guests_confirmed' | 'materials_uploaded' | 'questions_screened' | 'studio_test' | 'announcement_published';
/** In the order the checklist page lists them (server/domain/plan/preparationChecklist.ts). */
export const CHECKLIST_ITEMS: readonly ChecklistItem[] = ['guests_confirmed', 'materials_uploaded', 'announcement_published', 'questions_screened', 'studio_test'];

export interface Checklist {
  interviewId: string;
  startsAt: string | null;
  announceDaysBefore: number;
  entries: { item: ChecklistItem; state: 'done' | 'overdue' | 'open' | 'unscheduled'; dueAt: string | null; doneAt: string | null }[];
}

/** One upcoming show in GET /api/checklists. */
export interface ChecklistOverviewEntry extends Checklist {
  title: string;
  department: string | null;
  status: 'draft' | 'scheduled';
}

/** GET /api/mail/outbox. */
export interface MailOutbox {
  enabled: boolean;
  counts: { queued: number; sent: number; failed: number };
  mails: {
    id: string;
    kind: string;
    to: string;
    subject: string;
    status: 'queued' | 'sent' | 'failed';
    attempts: number;
    lastError: string | null;
    nextAttemptAt: string | null;
    createdAt: string;
    sentAt: string | null;
  }[];
}
