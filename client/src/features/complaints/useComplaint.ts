// One complaint, kept live while its page is open: the page watches the complaint's room, reloads
// when a newer version is announced and appends messages as they arrive.
import { useEffect, useState } from 'react';
import type { TransitionInput } from '../../../../shared/schemas/complaint';
import { ApiError } from '../../api/client';
import { describeError } from '../../i18n/errors';
import { useComplaintWatch, useSocketEvent } from '../../realtime/socket';
import { getComplaint, transition, type ComplaintDetail, type Message } from './api';

type Loaded = { id: string; data: ComplaintDetail } | { id: string; error: string };

/** A transition body without the version, which the hook adds from what the page shows. */
export type ActionInput = TransitionInput extends infer T ? (T extends unknown ? Omit<T, 'expectedVersion'> : never) : never;

export function useComplaint(id: string) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [conflict, setConflict] = useState(false);
  const data = loaded?.id === id && 'data' in loaded ? loaded.data : null;

  useEffect(() => {
    const abort = new AbortController();
    getComplaint(id, abort.signal).then(
      (d) => setLoaded({ id, data: d }),
      (e: unknown) => abort.signal.aborted || setLoaded((cur) => (cur?.id === id && 'data' in cur ? cur : { id, error: describeError(e) })),
    );
    return () => abort.abort();
  }, [id, attempt]);

  const reload = () => setAttempt((n) => n + 1);

  useComplaintWatch(id);
  useSocketEvent('complaint:updated', (p) => {
    if (p.id === id && (!data || p.version > data.version)) reload();
  });
  useSocketEvent('complaint:message', (p) => {
    if (p.complaintId === id) addMessage(p.message as unknown as Message);
  });

  function addMessage(m: Message) {
    setLoaded((cur) => {
      if (!cur || cur.id !== id || !('data' in cur) || cur.data.messages.some((x) => x.id === m.id)) return cur;
      return { id, data: { ...cur.data, messages: [...cur.data.messages, m] } };
    });
  }

  /** Takes a lifecycle action; a stale page is reloaded and told so rather than shown an error. */
  async function act(input: ActionInput): Promise<boolean> {
    if (!data) return false;
    setConflict(false);
    try {
      await transition(id, { ...input, expectedVersion: data.version } as TransitionInput);
      reload();
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        setConflict(true);
        reload();
        return false;
      }
      throw e;
    }
  }

  return {
    data,
    error: loaded?.id === id && 'error' in loaded ? loaded.error : null,
    conflict,
    reload,
    act,
    addMessage,
    addAttachment: (a: ComplaintDetail['attachments'][number]) =>
      setLoaded((cur) =>
        cur?.id === id && 'data' in cur ? { id, data: { ...cur.data, attachments: [...cur.data.attachments, a] } } : cur,
      ),
  };
}
