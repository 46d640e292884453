// The consumer's access log (PIPL): every view of a consumer's personal data by someone else is
// written as a DataAccess row. The write is off the request path: the view is answered first and
// its entry queued here, where it is written with its own _id (made at the view, so a retried write
// stores it once) and retried with a back-off while the database refuses, until it is stored;
// shutdown waits for the queue (server/index.ts). Who the viewer is and whose data it was are read
// by the writer, so the answer pays for nothing but the queueing.
import mongoose from 'mongoose';
import { logger } from '../logger.js';
import { ComplaintModel } from '../models/Complaint.js';
import { DataAccessModel } from '../models/DataAccess.js';
import { UserModel } from '../models/User.js';
import type { Actor } from '../policies/index.js';
import { regionName } from '../regions/names.js';
import { now } from '../clock.js';
import { firstWriter } from '../db/firstWriter.js';

export type AccessKind = 'detail' | 'record_pdf' | 'evidence';

interface Pending {
  _id: mongoose.Types.ObjectId;
  viewerId: string;
  viewerRole: string;
  complaintId: string;
  what: AccessKind;
  at: Date;
}

const queue: Pending[] = [];
let running: Promise<void> | null = null;
const RETRY_MS = [100, 500, 2000, 5000];

async function write(p: Pending): Promise<void> {
  const [c, viewer] = await Promise.all([
    ComplaintModel.findById(p.complaintId, { consumerId: 1, number: 1 }).lean(),
    UserModel.findById(p.viewerId, { name: 1, orgName: 1, regionCode: 1 }).lean(),
  ]);
  if (!c || !viewer) return;
  await firstWriter(
    DataAccessModel.create({
      _id: p._id,
      consumerId: c.consumerId,
      complaintId: c._id,
      complaintNumber: c.number,
      viewerId: p.viewerId,
      viewerRole: p.viewerRole,
      viewerName: viewer.name,
      viewerOrg: viewer.orgName ?? (viewer.regionCode ? regionName(viewer.regionCode) : undefined),
      what: p.what,
      at: p.at,
    }),
  );
}

async function drain(): Promise<void> {
  while (queue.length) {
    const p = queue[0]!;
    for (let attempt = 0; ; attempt++) {
      try {
        await write(p);
        break;
      } catch (err) {
        logger.warn({ err, attempt }, 'access log entry not written yet; retrying');
        await new Promise((r) => setTimeout(r, RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]).unref());
      }
    }
    queue.shift();
  }
}

/**
 * Queues the entry of `actor` viewing the consumer's data on complaint `complaintId`. Consumers'
 * views of their own complaints are not logged: only what others saw of them.
 */
export function logView(actor: Actor | null, complaintId: string, what: AccessKind): void {
  if (!actor || actor.role === 'consumer') return;
  queue.push({ _id: new mongoose.Types.ObjectId(), viewerId: actor.id, viewerRole: actor.role, complaintId, what, at: now() });
  kick();
}

function kick(): void {
  if (running) return;
  // An entry queued while the last drain was finishing starts the next one.
  running = drain().finally(() => {
    running = null;
    if (queue.length) kick();
  });
}

/** Resolves once every queued entry is stored (tests, shutdown). */
export async function accessLogSettled(): Promise<void> {
  while (running) await running;
}
