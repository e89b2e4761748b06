// Strings of recordings, replay chapters and the clip editor, in Simplified Chinese (the default).
export const editingMessages = {
} satisfies Record<string, string>;
