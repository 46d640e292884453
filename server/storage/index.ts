// Where evidence files live. One interface, so a deployment can swap the filesystem for object
// storage without touching routes or commands.
import path from 'node:path';
import type { Readable } from 'node:stream';
import { loadConfig } from '../config.js';
import { FsStorage } from './fs.js';

export interface FileStorage {
  /** Stores the bytes under a new key and returns it. */
  put(bytes: Buffer, hint: { contentType: string }): Promise<string>;
  get(key: string): Promise<Readable>;
  delete(key: string): Promise<void>;
}

let current: FileStorage | null = null;

/** The configured storage: DATA_DIR/uploads unless another one was set. */
export function storage(): FileStorage {
  current ??= new FsStorage(path.join(loadConfig().dataDir, 'uploads'));
  return current;
}

/** Points the app at another storage (tests use a temporary directory). */
export function setStorage(s: FileStorage): void {
  current = s;
}
