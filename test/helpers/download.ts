// Reading files the server answers with (PDFs, images) back in tests.
import { PDFParse } from 'pdf-parse';
import type { ApiClient } from './http.js';
import type { TestServer } from './server.js';

export async function download(
  srv: TestServer,
  who: ApiClient,
  path: string,
): Promise<{ status: number; type: string | null; bytes: Buffer }> {
  const r = await fetch(`${srv.url}/api${path}`, { headers: { cookie: who.cookieHeader() } });
  return { status: r.status, type: r.headers.get('content-type'), bytes: Buffer.from(await r.arrayBuffer()) };
}

export async function pdfText(bytes: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}
