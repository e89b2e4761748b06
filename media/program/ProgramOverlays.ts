/** What the director lays over the program: a lower third (name and position), the station logo, a 直播 badge. */
export interface ProgramOverlays {
  lowerThird: { name: string; position: string } | null;
  logo: boolean;
  liveBadge: boolean;
}

export const NO_OVERLAYS: ProgramOverlays = { lowerThird: null, logo: false, liveBadge: false };

/** Whether anything is drawn: only then is the program encoded instead of passed through. */
export function hasOverlays(overlays: ProgramOverlays): boolean {
  return overlays.lowerThird !== null || overlays.logo || overlays.liveBadge;
}
