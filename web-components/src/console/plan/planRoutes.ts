/** The yearly workflow's console pages: 访谈计划, 选题征集, 账号与单位, and an interview's 准备清单. */
export type PlanPageName = 'plan' | 'proposals' | 'users' | 'checklist';

export type PlanRoute = { name: 'plan-page'; page: PlanPageName; id?: string };

/** #/plan, #/proposals, #/users, #/checklist/<interview id>; null for any other hash. */
export function parsePlanRoute(parts: readonly (string | undefined)[]): PlanRoute | null {
  const [first, second, third] = parts;
  if (third !== undefined) return null;
  if ((first === 'plan' || first === 'proposals' || first === 'users') && second === undefined) return { name: 'plan-page', page: first };
  if (first === 'checklist' && second !== undefined) return { name: 'plan-page', page: 'checklist', id: second };
  return null;
}

/** The current plan year in China Standard Time (the counties' civil time). */
export function currentPlanYear(now = new Date()): number {
  return new Date(now.getTime() + 8 * 3_600_000).getUTCFullYear();
}
