import { useEffect, useEffectEvent, useSyncExternalStore } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { ServerEvent, ServerEventPayload } from '../../../shared/realtime';

/** Server → client events of the realtime contract, as declared once in shared/realtime. */
export type ServerEvents = { [E in ServerEvent]: ServerEventPayload<E> };

export type ConnectionState = 'connected' | 'connecting' | 'offline';

let socket: Socket | null = null;
let state: ConnectionState = 'offline';
const stateListeners = new Set<() => void>();
// Handlers live here rather than on the socket, so they survive sign-out, sign-in and a new socket.
const handlers = new Map<string, Set<(payload: unknown) => void>>();

function setState(next: ConnectionState) {
  if (next === state) return;
  state = next;
  stateListeners.forEach((l) => l());
}

/** Opens the connection for the signed-in session (the server authenticates it by the session cookie). */
export function openSocket(): void {
  if (socket) return;
  const s = io({ path: '/socket.io', withCredentials: true });
  socket = s;
  setState('connecting');
  s.on('connect', () => setState('connected'));
  s.on('disconnect', () => setState('offline'));
  s.on('connect_error', () => setState('offline'));
  s.onAny((event: string, payload: unknown) => handlers.get(event)?.forEach((h) => h(payload)));
}

export function closeSocket(): void {
  socket?.disconnect();
  socket = null;
  setState('offline');
}

function subscribeState(listener: () => void) {
  stateListeners.add(listener);
  return () => stateListeners.delete(listener);
}

export function useConnectionState(): ConnectionState {
  return useSyncExternalStore(subscribeState, () => state);
}

/** Calls `handler` for every `event` while the component is mounted; the latest handler is always used. */
export function useSocketEvent<E extends keyof ServerEvents>(event: E, handler: (payload: ServerEvents[E]) => void): void {
  const onEvent = useEffectEvent(handler);
  useEffect(() => {
    const h = (payload: unknown) => onEvent(payload as ServerEvents[E]);
    let set = handlers.get(event);
    if (!set) handlers.set(event, (set = new Set()));
    set.add(h);
    return () => {
      set.delete(h);
    };
  }, [event]);
}

/** Joins the complaint's room while mounted (and again after a reconnect, which drops rooms). */
export function useComplaintWatch(id: string | undefined): void {
  const connected = useConnectionState() === 'connected';
  useEffect(() => {
    const s = socket;
    if (!id || !connected || !s) return;
    s.emit('complaint:watch', { id });
    return () => {
      s.emit('complaint:unwatch', { id });
    };
  }, [id, connected]);
}
