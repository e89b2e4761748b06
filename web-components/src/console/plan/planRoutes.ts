/** The yearly workflow's console pages: 访谈计划, 选题征集, 账号与单位, an interview's 准备清单, all of them, 邮件发送. */
export type PlanPageName = 'plan' | 'proposals' | 'users' | 'checklist' | 'checklists' | 'mail';

const SINGLE_PAGES: readonly PlanPageName[] = ['plan', 'proposals', 'users', 'checklists', 'mail'];

export type PlanRoute = { name: 'plan-page'; page: PlanPageName; id?: string };

/** #/plan, #/proposals, #/users, #/checklists, #/mail, #/checklist/<interview id>; null for any other hash. */
export function parsePlanRoute(parts: readonly (string | undefined)[]): PlanRoute | null {
  const [first, second, third] = parts;
  if (third !== undefined) return null;
  if (first !== undefined && (SINGLE_PAGES as readonly string[]).includes(first) && second === undefined) return { name: 'plan-page', page: first as PlanPageName };
  if (first === 'checklist' && second !== undefined) return { name: 'plan-page', page: 'checklist', id: second };
  return null;
}

/** The current plan year in China Standard Time (the counties' civil time). */
export function currentPlanYear(now = new Date()): number {
  return new Date(now.getTime() + 8 * 3_600_000).getUTCFullYear();
}
