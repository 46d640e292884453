// The socket.io contract (API.md "Realtime"): event names and payloads, both directions.
import type { ComplaintStatus } from './enums.js';
import type { AccountUpdatedEvent } from './schemas/auth.js';

export interface ServerToClientEvents {
  'complaint:created': (p: { id: string; countyCode: string; priority: 'normal' | 'urgent' }) => void;
  'complaint:updated': (p: { id: string; status: ComplaintStatus; version: number }) => void;
  'complaint:message': (p: { complaintId: string; message: unknown }) => void;
  notification: (p: { id: string; kind: string; title: string; link: string }) => void;
  'flag:raised': (p: { id: string; product: unknown; score: number }) => void;
  'case:updated': (p: { id: string; status: string }) => void;
  'import:progress': (p: { jobId: string; done: number; total: number; status?: string }) => void;
  'return:updated': (p: { id: string; status: string; breach: boolean }) => void;
  'account:updated': (p: AccountUpdatedEvent) => void;
}

export type Ack = (r: { ok: true } | { error: { code: string; message: string } }) => void;

export interface ClientToServerEvents {
  'complaint:watch': (p: { id: string }, ack: Ack) => void;
  'complaint:unwatch': (p: { id: string }, ack: Ack) => void;
}

export const rooms = {
  user: (id: string) => `user:${id}`,
  org: (id: string) => `org:${id}`,
  store: (id: string) => `store:${id}`,
  region: (code: string) => `region:${code}`,
  complaint: (id: string) => `complaint:${id}`,
};
