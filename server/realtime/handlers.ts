import type { Socket } from 'socket.io';
import type { Actor } from '../policies/index.js';

type Handler = (socket: Socket, actor: Actor) => void;

/** Socket event handlers of each capability; each checks its policy before acting. */
export const socketHandlers: Handler[] = [];

export function addSocketHandler(h: Handler): void {
  socketHandlers.push(h);
}
