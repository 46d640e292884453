// Recomputes every complaint document from its events and reports where the stored projection
// differed. The events are the truth; a difference means a crash between the two writes or a bug.
import { differences, fold, type EventLike } from '../complaints/projection.js';
import { ComplaintModel } from '../models/Complaint.js';
import { ComplaintEventModel } from '../models/ComplaintEvent.js';

export interface RebuildReport {
  checked: number;
  differing: { id: string; number?: string; paths: string[] }[];
  withoutEvents: string[];
  written: number;
}

async function check(id: string, events: EventLike[], stored: Record<string, unknown> | undefined, report: RebuildReport, write: boolean) {
  report.checked++;
  const state = fold(events);
  if (!state) return;
  // Compare what the model would store: cast the fold through the schema, as a write would.
  const cast = new ComplaintModel(state).toObject();
  const paths = stored ? differences(cast, stored).filter((p) => p !== '__v') : ['(missing)'];
  if (!paths.length) return;
  report.differing.push({ id, number: state.number as string, paths });
  if (write) {
    await ComplaintModel.replaceOne({ _id: state._id }, state, { upsert: true });
    report.written++;
  }
}

export async function rebuildProjections(opts: { write?: boolean } = {}): Promise<RebuildReport> {
  const write = opts.write ?? true;
  const report: RebuildReport = { checked: 0, differing: [], withoutEvents: [], written: 0 };
  const stored = new Map<string, Record<string, unknown>>();
  for await (const c of ComplaintModel.find().lean().cursor()) stored.set(String(c._id), c as Record<string, unknown>);
  let current: string | null = null;
  let batch: EventLike[] = [];
  const seen = new Set<string>();
  for await (const e of ComplaintEventModel.find().sort({ complaintId: 1, seq: 1 }).lean().cursor()) {
    const id = String(e.complaintId);
    if (id !== current) {
      if (current) await check(current, batch, stored.get(current), report, write);
      current = id;
      batch = [];
      seen.add(id);
    }
    batch.push(e as unknown as EventLike);
  }
  if (current) await check(current, batch, stored.get(current), report, write);
  for (const id of stored.keys()) if (!seen.has(id)) report.withoutEvents.push(id);
  return report;
}


