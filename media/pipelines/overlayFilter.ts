import type { ProgramOverlays } from '../program/ProgramOverlays.js';

/** The font fontconfig finds for Chinese text (Debian's fonts-noto-cjk, installed by scripts/setup.sh). */
export const OVERLAY_FONT = 'Noto Sans CJK SC';

/** Text files the filter reads (textfile=), so no text the director typed is ever parsed as filter syntax. */
export interface OverlayTextFiles {
  name: string;
  position: string;
  badge: string;
}

/**
 * The FFmpeg filter graph (for -vf) that draws the overlays at the camera's own resolution, sizes relative to the
 * picture: a lower third in the bottom left, the logo top left, the 直播 badge top right. Pure, so it is unit-tested.
 */
export function buildOverlayFilter(overlays: ProgramOverlays, text: OverlayTextFiles, logoFile: string | undefined): string {
  const font = `font='${OVERLAY_FONT}'`;
  const chain: string[] = [];
  if (overlays.lowerThird) {
    chain.push(
      'drawbox=x=0:y=ih*0.74:w=iw*0.6:h=ih*0.18:color=0x0b3d91@0.85:t=fill',
      `drawtext=${font}:textfile=${quote(text.name)}:fontcolor=white:fontsize=h*0.06:x=w*0.04:y=h*0.76`,
      `drawtext=${font}:textfile=${quote(text.position)}:fontcolor=white:fontsize=h*0.04:x=w*0.04:y=h*0.84`,
    );
  }
  if (overlays.liveBadge) {
    chain.push(
      `drawtext=${font}:textfile=${quote(text.badge)}:fontcolor=white:fontsize=h*0.05:box=1:boxcolor=0xd00000@0.9:boxborderw=10:x=w-tw-w*0.04:y=h*0.05`,
    );
  }
  const drawn = chain.length > 0 ? chain.join(',') : 'null';
  if (!overlays.logo || !logoFile) return drawn;
  // The logo is scaled to a tenth of the picture's height, whatever the camera sends.
  return [
    `movie=${quote(logoFile)}[logo]`,
    '[logo][in]scale2ref=w=oh*mdar:h=ih*0.1[logo1][base]',
    `[base]${drawn}[drawn]`,
    '[drawn][logo1]overlay=x=W*0.03:y=H*0.04[out]',
  ].join(';');
}

/**
 * A file path as a filter argument. FFmpeg unquotes filter arguments twice (graph, then options), so rather than
 * escaping for both, paths with characters either level gives meaning to are refused: ours are under the data
 * directory, named by us.
 */
function quote(file: string): string {
  if (/['\\:,;\[\]]/.test(file)) throw new Error(`overlay file path has a character FFmpeg filters cannot take: ${file}`);
  return `'${file}'`;
}
