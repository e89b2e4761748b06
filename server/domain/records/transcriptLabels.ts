import type { TranscriptEntry, TranscriptRole } from './Transcript.js';

/** How a transcript names each role; a 文字实录 is a Chinese document, whatever the reader's UI language. */
export const ROLE_LABELS: Record<TranscriptRole, string> = {
  host: '主持人',
  guest: '嘉宾',
  netizen: '网友',
  department: '受访单位',
  staff: '工作人员',
};

/**
 * The "角色" part of an entry's "角色：内容" line: 主持人 for the host (with a name when one is given), 嘉宾 张明,
 * 网友 小李.
 */
export function entryLabel(entry: Pick<TranscriptEntry, 'role' | 'speaker'>): string {
  const role = ROLE_LABELS[entry.role];
  const speaker = entry.speaker.trim();
  return speaker === '' || speaker === role ? role : `${role} ${speaker}`;
}
