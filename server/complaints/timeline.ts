// A complaint's events, oldest first, read by id (seq 1..version) rather than by a collection scan.
import { ComplaintEventModel, eventId, type ComplaintEventRecord } from '../models/ComplaintEvent.js';

export async function loadTimeline(c: { _id: unknown; version: number }): Promise<{ events: ComplaintEventRecord[]; behind: boolean }> {
  const seqs = Array.from({ length: c.version }, (_, i) => i + 1);
  const [found, next] = await Promise.all([
    Promise.all(seqs.map((seq) => ComplaintEventModel.findById(eventId(c._id, seq)).lean())),
    ComplaintEventModel.exists({ _id: eventId(c._id, c.version + 1) }),
  ]);
  let events = found.filter((e): e is NonNullable<typeof e> => !!e) as ComplaintEventRecord[];
  // Events stored before ids were derived from (complaintId, seq): read them the slow way.
  if (events.length !== seqs.length)
    events = (await ComplaintEventModel.find({ complaintId: c._id }).sort({ seq: 1 }).lean()) as ComplaintEventRecord[];
  return { events, behind: !!next || events.some((e) => e.seq > c.version) };
}
