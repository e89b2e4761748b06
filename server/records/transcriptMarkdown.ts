import { chinaDate } from '../domain/records/calendarDates.js';
import { entryLabel } from '../domain/records/transcriptLabels.js';
import type { PublishedTranscript } from './TranscriptService.js';

/** Characters Markdown would read as markup at the start of a line or inside text. */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1').replace(/^(\s*)([-+]|\d+\.)(\s)/gm, '$1\\$2$3');
}

/** The transcript as Markdown: a heading, the interview's facts, then one "**角色**：内容" paragraph per entry. */
export function transcriptMarkdown(transcript: PublishedTranscript): string {
  const lines = [`# ${escapeMarkdown(transcript.title)} 文字实录`, ''];
  if (transcript.department) lines.push(`- 责任单位：${escapeMarkdown(transcript.department)}`);
  if (transcript.startsAt) lines.push(`- 访谈时间：${chinaDate(transcript.startsAt)}`);
  lines.push(`- 发布时间：${chinaDate(transcript.publishedAt)}`, '');
  for (const entry of transcript.entries) {
    const text = escapeMarkdown(entry.text).split(/\r?\n/).join('  \n');
    lines.push(`**${escapeMarkdown(entryLabel(entry))}**：${text}`, '');
    for (const id of entry.imageIds) {
      const image = transcript.images.get(id);
      if (image) lines.push(`![${escapeMarkdown(entryLabel(entry))}的图片](${image.url})`, '');
    }
  }
  return lines.join('\n');
}
