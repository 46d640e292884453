/** Streams a body to the answer; settles when it is sent or the client went away. */
export function pipeTo(stream: NodeJS.ReadableStream, res: NodeJS.WritableStream & { on(e: 'finish' | 'close', f: () => void): unknown }) {
  return new Promise<void>((resolve, reject) => {
    stream.on('error', reject);
    res.on('finish', () => resolve());
    res.on('close', () => resolve());
    stream.pipe(res);
  });
}
