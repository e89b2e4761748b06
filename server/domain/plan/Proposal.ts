/**
 * Where a proposal (意见建议征集表) is: the unit's draft, sent to the office, sent back for changes, taken into the
 * plan, or declined.
 */
export type ProposalStatus = 'draft' | 'submitted' | 'changes_requested' | 'accepted' | 'declined';

export interface ProposalGuest {
  name: string;
  /** 职务. */
  position: string;
}

/** The fields of the notice's annex 2, as the unit fills them in. */
export interface ProposalForm {
  /** 访谈时间: the unit's suggestion, as written ("5月中旬", "6月1日"). */
  suggestedTime: string;
  /** 受邀嘉宾: leaders' names and posts. */
  guests: ProposalGuest[];
  /** 访谈主题. */
  topic: string;
  /** 主要内容. */
  mainContent: string;
  /** 对栏目的意见和建议. */
  columnSuggestions: string;
  /** 单位联系人, 联系电话, 传真. */
  contactPerson: string;
  phone: string;
  fax: string;
}

export interface Proposal extends ProposalForm {
  id: string;
  /** 单位: the proposing organisation. */
  organisationId: string;
  year: number;
  status: ProposalStatus;
  /** The office's comment when asking for changes, or its reason when declining. */
  reviewComment: string | null;
  /** The plan row an accepted proposal became. */
  planRowId: string | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
  reviewedAt: Date | null;
}
