import type { Response } from 'express';

/** Streams a body to the answer; settles when it is sent or the client went away. */
export function pipeTo(stream: NodeJS.ReadableStream, res: NodeJS.WritableStream & { on(e: 'finish' | 'close', f: () => void): unknown }) {
  return new Promise<void>((resolve, reject) => {
    stream.on('error', reject);
    res.on('finish', () => resolve());
    res.on('close', () => resolve());
    stream.pipe(res);
  });
}

/**
 * Streams a file that belongs to someone (evidence, a report, a record, their data): never cached on
 * the way. `download` saves it instead of opening it in the browser; the ASCII name is for clients that
 * do not read the UTF-8 one (`filename*`), which carries the real name.
 */
export function sendPrivateFile(
  res: Response,
  body: NodeJS.ReadableStream,
  file: { contentType: string; name: string; asciiName?: string; download?: boolean; size?: number },
) {
  res.setHeader('content-type', file.contentType);
  if (file.size !== undefined) res.setHeader('content-length', String(file.size));
  res.setHeader(
    'content-disposition',
    `${file.download ? 'attachment' : 'inline'}; filename="${file.asciiName ?? 'file'}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
  );
  res.setHeader('cache-control', 'private, no-store');
  return pipeTo(body, res);
}
