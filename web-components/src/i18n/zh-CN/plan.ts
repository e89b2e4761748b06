// Strings of the yearly workflow: proposals, the annual plan, checklists, transcripts, follow-ups, statistics, in Simplified Chinese (the default).
export const planMessages = {
} satisfies Record<string, string>;
