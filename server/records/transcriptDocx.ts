import fsp from 'node:fs/promises';
import path from 'node:path';
import { Document, HeadingLevel, ImageRun, Packer, Paragraph, TextRun } from 'docx';
import sharp from 'sharp';
import { chinaDate } from '../domain/records/calendarDates.js';
import { entryLabel } from '../domain/records/transcriptLabels.js';
import type { PublishedTranscript } from './TranscriptService.js';
import type { TranscriptImage } from './transcriptViews.js';

/** Pictures are placed at most this wide (points of the page's text width, A4 with default margins). */
const MAX_IMAGE_WIDTH = 450;
/**
 * Pictures are embedded at most this many pixels wide: twice the placed width, sharp enough to print. The stored
 * pictures are up to 2048 px; docx deflates every byte in JavaScript, so full-size photos made a long show's
 * document take seconds more to pack and megabytes more to download.
 */
const MAX_EMBEDDED_PIXELS = 2 * MAX_IMAGE_WIDTH;

/**
 * The transcript as a Word document, the format county offices file and forward: a title, the interview's facts,
 * one paragraph per entry ("角色：内容", the role in bold), each picture under its entry. DOCX cannot hold WebP, so
 * a WebP picture is given as its link instead.
 */
export async function transcriptDocx(transcript: PublishedTranscript, dataDir: string): Promise<Buffer> {
  const children: Paragraph[] = [new Paragraph({ text: `${transcript.title} 文字实录`, heading: HeadingLevel.TITLE })];
  if (transcript.department) children.push(new Paragraph({ text: `责任单位：${transcript.department}` }));
  if (transcript.startsAt) children.push(new Paragraph({ text: `访谈时间：${chinaDate(transcript.startsAt)}` }));
  children.push(new Paragraph({ text: `发布时间：${chinaDate(transcript.publishedAt)}` }));
  for (const entry of transcript.entries) {
    const lines = entry.text.split(/\r?\n/);
    children.push(
      new Paragraph({
        spacing: { before: 160, line: 360 },
        children: [
          new TextRun({ text: `${entryLabel(entry)}：`, bold: true }),
          ...lines.map((line, index) => new TextRun({ text: line, break: index > 0 ? 1 : 0 })),
        ],
      }),
    );
    for (const id of entry.imageIds) {
      const image = transcript.images.get(id);
      if (image) children.push(await imageParagraph(image, dataDir, `${entryLabel(entry)}的图片`));
    }
  }
  const document = new Document({
    creator: 'online-interview',
    title: `${transcript.title} 文字实录`,
    styles: { default: { document: { run: { font: 'SimSun', size: 24 } } } },
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}

async function imageParagraph(image: TranscriptImage, dataDir: string, alt: string): Promise<Paragraph> {
  const type = image.mimeType === 'image/jpeg' ? 'jpg' : image.mimeType === 'image/png' ? 'png' : null;
  if (type === null) return new Paragraph({ text: `[${alt}] ${image.url}` });
  const file = await fsp.readFile(path.join(dataDir, image.path));
  const resized = sharp(file).resize({ width: MAX_EMBEDDED_PIXELS, withoutEnlargement: true });
  const data = await (type === 'jpg' ? resized.jpeg({ quality: 80 }) : resized.png()).toBuffer();
  const scale = Math.min(1, MAX_IMAGE_WIDTH / image.width);
  return new Paragraph({
    children: [
      new ImageRun({
        type,
        data,
        transformation: { width: Math.round(image.width * scale), height: Math.round(image.height * scale) },
        altText: { name: alt, title: alt, description: alt },
      }),
    ],
  });
}
