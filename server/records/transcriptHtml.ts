import { chinaDate } from '../domain/records/calendarDates.js';
import { entryLabel } from '../domain/records/transcriptLabels.js';
import type { PublishedTranscript } from './TranscriptService.js';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * The transcript as a standalone HTML page (for the portal's CMS or printing): large, well-spaced text (适老化: line
 * height ≥ 1.3), one paragraph per entry with the role in bold, pictures with their alt text.
 */
export function transcriptHtml(transcript: PublishedTranscript): string {
  const facts = [
    transcript.department ? `<dt>责任单位</dt><dd>${escapeHtml(transcript.department)}</dd>` : '',
    transcript.startsAt ? `<dt>访谈时间</dt><dd>${chinaDate(transcript.startsAt)}</dd>` : '',
    `<dt>发布时间</dt><dd>${chinaDate(transcript.publishedAt)}</dd>`,
  ].join('');
  const entries = transcript.entries
    .map((entry) => {
      const label = escapeHtml(entryLabel(entry));
      const text = escapeHtml(entry.text).replace(/\r?\n/g, '<br>');
      const images = entry.imageIds
        .flatMap((id) => {
          const image = transcript.images.get(id);
          return image ? [`<img src="${escapeHtml(image.url)}" width="${image.width}" height="${image.height}" alt="${label}的图片">`] : [];
        })
        .join('');
      return `<p class="entry entry-${entry.role}"><strong>${label}</strong>：${text}</p>${images ? `<figure>${images}</figure>` : ''}`;
    })
    .join('\n');
  const title = `${escapeHtml(transcript.title)} 文字实录`;
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>
body { font: 18px/1.8 "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; max-width: 48em; margin: 0 auto; padding: 1em; color: #1a1a1a; }
dl { display: grid; grid-template-columns: auto 1fr; gap: 0.25em 1em; }
dt { font-weight: bold; }
dd { margin: 0; }
figure { margin: 0 0 1em; }
img { max-width: 100%; height: auto; }
</style>
</head>
<body>
<main>
<h1>${title}</h1>
<dl>${facts}</dl>
${entries}
</main>
</body>
</html>
`;
}
