// A complaint's evidence as one ZIP, streamed from storage as it is written (never whole in memory). Two
// files of the same name keep both, numbered.
import { ZipArchive } from 'archiver';
import type { AttachmentRecord } from '../models/Attachment.js';
import { storage } from '../storage/index.js';

function uniqueNames(list: { name: string }[]): string[] {
  const seen = new Map<string, number>();
  return list.map(({ name }) => {
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    if (n === 1) return name;
    const dot = name.lastIndexOf('.');
    return dot > 0 ? `${name.slice(0, dot)} (${n})${name.slice(dot)}` : `${name} (${n})`;
  });
}

export async function evidenceZip(attachments: AttachmentRecord[]): Promise<ZipArchive> {
  const zip = new ZipArchive({ zlib: { level: 6 } });
  const names = uniqueNames(attachments);
  for (const [i, a] of attachments.entries()) zip.append(await storage().get(a.storageKey), { name: names[i]!, date: new Date(a.at) });
  void zip.finalize();
  return zip;
}
