// Strings of the after-show records: transcript (文字实录), follow-ups, statistics, in Simplified Chinese (the default).
export const recordsMessages = {
} satisfies Record<string, string>;
