/**
 * The targets the issues set for each benchmark, in one place, so `npm run bench` can say met or missed for every
 * number without each bench restating them. A result line is one JSON object a bench printed.
 */
export interface Target {
  bench: string;
  /** What is measured, for the report. */
  measure: string;
  /** Dotted path of the number in the bench's JSON line. */
  path: string;
  op: '<=' | '>=' | '==';
  limit: number;
  unit: string;
  /** Only lines this holds for are judged (bench:chat's target is for 10,000 viewers). */
  applies?: (line: Record<string, unknown>) => boolean;
}

export const TARGETS: readonly Target[] = [
  { bench: 'ingest', measure: 'publish → first HLS segment, median', path: 'publish_to_first_segment_ms.median', op: '<=', limit: 2000, unit: 'ms' },
  {
    bench: 'chat', measure: 'delivery p99, 10,000 viewers', path: 'delivery_ms.p99', op: '<=', limit: 200, unit: 'ms',
    applies: (line) => Number(line['viewers']) >= 10_000,
  },
  { bench: 'chat', measure: 'messages lost', path: 'messages.lost', op: '==', limit: 0, unit: '' },
  { bench: 'chat', measure: 'messages duplicated', path: 'messages.duplicated', op: '==', limit: 0, unit: '' },
  { bench: 'clips', measure: 'fast export, 5-minute clip', path: 'fast_5min_clip_seconds', op: '<=', limit: 2, unit: 's' },
  { bench: 'clips', measure: 'exact export, 1-minute 720p', path: 'exact_1min_720p_speed_x_realtime', op: '>=', limit: 3, unit: '× realtime' },
  { bench: 'crash', measure: 'media lost, program FFmpeg killed', path: 'media_lost_seconds', op: '<=', limit: 1, unit: 's' },
  { bench: 'crash', measure: 'new HLS segment after the kill', path: 'seconds_until_new_segment', op: '<=', limit: 5, unit: 's' },
  { bench: 'crash', measure: 'media lost, camera ISO FFmpeg killed', path: 'iso_media_lost_seconds', op: '<=', limit: 1, unit: 's' },
  { bench: 'hls', measure: 'server ÷ nginx requests per second', path: 'ratio', op: '>=', limit: 0.5, unit: '' },
  { bench: 'latency', measure: 'glass-to-glass, median', path: 'latency_ms.median', op: '<=', limit: 3000, unit: 'ms' },
];

export interface Verdict {
  measure: string;
  value: number | null;
  unit: string;
  target: string;
  met: boolean | null;
}

/** Judges every target of `bench` against the lines it printed; a number that is missing is reported as such. */
export function judge(bench: string, lines: readonly Record<string, unknown>[]): Verdict[] {
  const verdicts: Verdict[] = [];
  for (const target of TARGETS.filter((candidate) => candidate.bench === bench)) {
    const judged = lines.filter((line) => target.applies?.(line) ?? true);
    const targetText = `${target.op === '==' ? '=' : target.op.replace('<=', '≤').replace('>=', '≥')} ${target.limit}${target.unit ? ` ${target.unit}` : ''}`;
    if (judged.length === 0) {
      verdicts.push({ measure: target.measure, value: null, unit: target.unit, target: targetText, met: null });
      continue;
    }
    for (const line of judged) {
      const value = numberAt(line, target.path);
      const met = value === null ? null : target.op === '<=' ? value <= target.limit : target.op === '>=' ? value >= target.limit : value === target.limit;
      verdicts.push({ measure: target.measure, value, unit: target.unit, target: targetText, met });
    }
  }
  return verdicts;
}

export function numberAt(line: Record<string, unknown>, dotted: string): number | null {
  let value: unknown = line;
  for (const key of dotted.split('.')) {
    if (value === null || typeof value !== 'object') return null;
    value = (value as Record<string, unknown>)[key];
  }
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
