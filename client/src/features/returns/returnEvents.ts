// The returns event of the realtime contract (shared/realtime.ts), added to the client's event map.
export {};

declare module '../../realtime/socket' {
  interface ServerEvents {
    'return:updated': { id: string; status: string; breach: boolean };
  }
}
