// A complaint's printable record as a PDF, drawn on the server with pdfkit in Noto Sans SC (the font
// file ships in an npm package, so no browser and no system font is needed). It prints the complaint
// as complaintDetail() presents it to this reader: what the page may not show, the PDF does not hold.
import { createRequire } from 'node:module';
import type { ComplaintDetail } from '../../shared/schemas/complaint.js';
import type { Locale } from '../../shared/enums.js';
import { now } from '../clock.js';
import { regionName } from '../regions/names.js';
import { recordText } from './recordText.js';

const require = createRequire(import.meta.url);
const FONT = require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
const BOLD = require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf');

/** A time in China, to the minute. */
const shanghai = (iso: string) =>
  new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ') + ' (UTC+8)';
const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;

export async function recordPdf(c: ComplaintDetail, locale: Locale): Promise<PDFKit.PDFDocument> {
  // Loaded on the first print, not with the server (see posters/poster.ts).
  const { default: PDFDocument } = await import('pdfkit');
  const t = recordText(locale);
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: `${t.title} ${c.number}` } });
  doc.registerFont('body', FONT);
  doc.registerFont('bold', BOLD);
  const heading = (text: string) => doc.moveDown(0.8).font('bold').fontSize(13).text(text).moveDown(0.3).font('body').fontSize(10.5);
  const line = (label: string, value: string | undefined) => {
    if (value) doc.font('bold').text(`${label}：`, { continued: true }).font('body').text(value);
  };

  doc.font('bold').fontSize(18).text(t.title, { align: 'center' });
  doc.font('body').fontSize(10.5).moveDown(0.3).text(`${t.number}：${c.number}`, { align: 'center' });
  doc.text(`${t.printedAt}：${shanghai(now().toISOString())}`, { align: 'center' });

  heading(t.facts);
  line(t.status, t.statuses[c.status]);
  line(t.filed, shanghai(c.createdAt));
  line(
    t.consumer,
    c.consumer ? [c.consumer.name, c.consumer.phone].filter(Boolean).join(' ') : c.consumerId ? undefined : t.consumerHidden,
  );
  line(t.merchant, c.merchantName);
  line(t.store, c.storeName);
  line(t.region, regionName(c.countyCode, locale));
  line(t.product, [c.product.name, c.product.brand, c.product.model].filter(Boolean).join(' · '));
  line(t.purchase, `${c.purchase.date.slice(0, 10)} · ${yuan(c.purchase.amountFen)}`);
  line(t.demand, c.demand.amountFen !== undefined ? `${c.demand.type} · ${yuan(c.demand.amountFen)}` : c.demand.type);
  line(t.description, c.description);

  heading(t.timeline);
  for (const e of c.timeline) {
    doc.text(
      `${shanghai(e.at)}  ${t.actions[e.action as keyof typeof t.actions] ?? e.action}（${t.parties[e.party] ?? e.party}）→ ${t.statuses[e.to as keyof typeof t.statuses] ?? e.to}`,
    );
  }

  if (c.response) {
    heading(t.response);
    line(t.messageToConsumer, c.response.messageToConsumer);
    line(t.noteToRegulator, c.response.noteToRegulator);
  }

  heading(t.messages);
  if (!c.messages.length) doc.text(t.noMessages);
  for (const m of c.messages) {
    line(`${shanghai(m.at)} ${m.authorName ?? t.parties[m.party]}`, m.body);
  }

  if (c.outcome) {
    heading(t.outcome);
    line(t.status, t.statuses[c.status]);
    line(t.reason, c.outcome.reason ?? c.outcome.note);
    if (c.outcome.agreement) {
      heading(t.agreement);
      doc.text(c.outcome.agreement);
    }
  }

  heading(t.evidence);
  if (!c.attachments.length) doc.text(t.noEvidence);
  for (const a of c.attachments) doc.text(`${a.name}（${Math.ceil(a.size / 1024)} KB）`);
  doc.end();
  return doc;
}
