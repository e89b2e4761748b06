/**
 * The time, readable from a video frame without OCR: the low 32 bits of Date.now() as a row of 32 black (0) or white
 * (1) blocks across the top of the picture, most significant bit first, and under it the same row inverted. The
 * second row makes a misread evident: a block must be clearly black or white, and its twin the opposite, or the
 * frame is not read at all (a frame caught mid-change, or blurred by the encoder, is discarded, never misread).
 *
 * The publisher draws the rows (TIME_CODE in the page, see latency.ts); a reader scales the top band of a frame down
 * to BITS × 2 pixels (each pixel the mean of one block) and passes their luma here.
 */
export const BITS = 32;
/** Height of each row as a share of the picture's height (two rows: the top 2/18 of it). */
export const ROW_SHARE = 1 / 18;

const BLACK_BELOW = 80;
const WHITE_ABOVE = 175;

/** The 32-bit code from 64 luma values (row, then inverted row), or null when any block is unclear. */
export function readTimeCode(luma: ArrayLike<number>): number | null {
  if (luma.length !== BITS * 2) return null;
  let code = 0;
  for (let bit = 0; bit < BITS; bit++) {
    const top = level(luma[bit]!);
    const twin = level(luma[BITS + bit]!);
    if (top === null || twin === null || top === twin) return null;
    code = code * 2 + top;
  }
  return code;
}

/** The wall-clock ms a code stands for, given that it was drawn no later than `nowMs` (and less than 49 days before). */
export function timeOfCode(code: number, nowMs: number): number {
  const low = nowMs % 2 ** 32;
  return nowMs - ((low - code + 2 ** 32) % 2 ** 32);
}

function level(value: number): 0 | 1 | null {
  if (value < BLACK_BELOW) return 0;
  if (value > WHITE_ABOVE) return 1;
  return null;
}
