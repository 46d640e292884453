// A store's QR code and its printable poster (A4, in Chinese), as PDF (pdfkit) and PNG (the same layout
// as SVG, rasterised by resvg). Both draw in the Noto Sans SC of the printable complaint record, from
// its npm font package, so no browser and no system font is needed. The QR code (qrcode) holds the
// store's public page, where a consumer sees its commitments and figures and starts a complaint or a
// return with the store already chosen. pdfkit (with fontkit) and resvg load on the first poster, not
// with the server: a few MB of code every process would hold for a page few people print.
import { createRequire } from 'node:module';
import QRCode from 'qrcode';
import type { PublicStore } from '../../shared/schemas/posters.js';
import { publicUrl } from '../config.js';
import { regionName } from '../regions/names.js';

const require = createRequire(import.meta.url);
const FONT = require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
const BOLD = require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf');

export const BADGE = '放心消费承诺';

/** The address a store's QR code holds: its public page on this platform. */
export const storePageUrl = (storeId: string) => `${publicUrl().replace(/\/$/, '')}/public/stores/${storeId}`;

/** The QR code alone, as a PNG (error correction M: it survives a smudged or partly covered print). */
export const qrPng = (url: string, width = 600) => QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width });

interface PosterText {
  title: string;
  merchant: string;
  store: string;
  address: string;
  badge: string | null;
  promise: string | null;
  scan: string;
  url: string;
}

/** What the poster says; the promise line names the shortest window and refund time of the active commitments. */
function posterText(s: PublicStore): PosterText {
  const c = [...s.commitments].sort((a, b) => a.windowDays - b.windowDays)[0];
  return {
    title: '放心消费 · 投诉与退货',
    merchant: s.merchantName,
    store: s.name,
    address: `${regionName(s.countyCode, 'zh-CN')} ${s.address}`,
    badge: s.commitmentBadge ? BADGE : null,
    promise: c ? `本店承诺：${c.windowDays} 天无理由退货，退款 ${c.refundWithinHours} 小时内到账` : null,
    scan: '微信或手机相机扫码：查看本店承诺与投诉情况，在线投诉或申请退货',
    url: s.url,
  };
}

// A4 at 72 dpi (PDF points); the PNG draws the same layout at 150 dpi.
const W = 595.28;
const H = 841.89;
const QR = 300;

export async function posterPdf(s: PublicStore): Promise<PDFKit.PDFDocument> {
  const t = posterText(s);
  const qr = await qrPng(s.url, 900);
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({ size: 'A4', margin: 48, info: { Title: `${t.store} ${t.title}` } });
  doc.registerFont('body', FONT);
  doc.registerFont('bold', BOLD);
  doc
    .font('bold')
    .fontSize(30)
    .fillColor('#1d5fbf')
    .text(t.title, 48, 64, { align: 'center', width: W - 96 });
  doc
    .font('bold')
    .fontSize(22)
    .fillColor('#1c2430')
    .text(t.store, { align: 'center', width: W - 96 });
  doc
    .font('body')
    .fontSize(13)
    .fillColor('#5f6b7a')
    .text(`${t.merchant} · ${t.address}`, { align: 'center', width: W - 96 });
  if (t.badge) {
    const y = doc.y + 14;
    doc.roundedRect(W / 2 - 110, y, 220, 44, 22).fill('#1f8a4c');
    doc
      .font('bold')
      .fontSize(20)
      .fillColor('#ffffff')
      .text(t.badge, W / 2 - 110, y + 9, { width: 220, align: 'center' });
    doc.y = y + 44;
  }
  if (t.promise)
    doc
      .moveDown(0.6)
      .font('body')
      .fontSize(13)
      .fillColor('#1c2430')
      .text(t.promise, 48, doc.y, { align: 'center', width: W - 96 });
  const qrY = Math.max(doc.y + 20, 330);
  doc.image(qr, (W - QR) / 2, qrY, { width: QR, height: QR });
  doc
    .font('body')
    .fontSize(13)
    .fillColor('#1c2430')
    .text(t.scan, 48, qrY + QR + 16, { align: 'center', width: W - 96 });
  doc
    .font('body')
    .fontSize(10)
    .fillColor('#5f6b7a')
    .text(t.url, { align: 'center', width: W - 96 });
  doc.end();
  return doc;
}

const esc = (x: string) => x.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The same poster as a PNG: an SVG of the layout with the QR code inside, rendered with the poster font. */
export async function posterPng(s: PublicStore): Promise<Buffer> {
  const t = posterText(s);
  const qr = (await qrPng(s.url, 900)).toString('base64');
  const line = (y: number, size: number, text: string, opts: { bold?: boolean; fill?: string } = {}) =>
    `<text x="${W / 2}" y="${y}" font-size="${size}" font-weight="${opts.bold ? 700 : 400}" fill="${opts.fill ?? '#1c2430'}" text-anchor="middle">${esc(text)}</text>`;
  const parts = [
    `<rect width="${W}" height="${H}" fill="#ffffff"/>`,
    line(92, 30, t.title, { bold: true, fill: '#1d5fbf' }),
    line(136, 22, t.store, { bold: true }),
    line(164, 13, `${t.merchant} · ${t.address}`, { fill: '#5f6b7a' }),
  ];
  if (t.badge)
    parts.push(
      `<rect x="${W / 2 - 110}" y="184" width="220" height="44" rx="22" fill="#1f8a4c"/>`,
      line(214, 20, t.badge, { bold: true, fill: '#ffffff' }),
    );
  if (t.promise) parts.push(line(258, 13, t.promise));
  parts.push(
    `<image x="${(W - QR) / 2}" y="330" width="${QR}" height="${QR}" href="data:image/png;base64,${qr}"/>`,
    line(330 + QR + 30, 13, t.scan),
    line(330 + QR + 50, 10, t.url, { fill: '#5f6b7a' }),
  );
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="Noto Sans SC">${parts.join('')}</svg>`;
  const { Resvg } = await import('@resvg/resvg-js');
  const png = new Resvg(svg, {
    fitTo: { mode: 'width', value: 1240 },
    font: { fontFiles: [FONT, BOLD], loadSystemFonts: false, defaultFontFamily: 'Noto Sans SC' },
  }).render();
  return png.asPng();
}
