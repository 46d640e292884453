import type { Socket } from 'socket.io';
import type { Actor } from '../policies/index.js';

export type SocketHandler = (socket: Socket, actor: Actor) => void;

/** Socket event handlers of each capability; each checks its policy before acting. */
export const socketHandlers: SocketHandler[] = [];

export function addSocketHandler(h: SocketHandler): void {
  if (!socketHandlers.includes(h)) socketHandlers.push(h);
}
