// Strings of studio production: director, overlays, recordings, replay chapters, clip editor, in Simplified Chinese (the default).
export const productionMessages = {
} satisfies Record<string, string>;
