// How the server's own process is started, by `npm start` and by the benchmark alike, so the memory
// the benchmark measures is the one a deployment gets (docs/performance.md, "Server memory").
//
// --max-semi-space-size=4: V8's young generation is two semi-spaces that grow to 16 MB each (32 MB
// resident) under any steady request load and stay so. At 4 MB the young generation is collected
// more often (each scavenge shorter), which a server whose requests mostly wait on the database does
// not notice; the old generation is left as V8 sizes it (no heap cap: under load it grows as it must).
// --heap-growing-percent=30: after each full collection V8 lets the old generation grow to up to 4x
// what survived (its factor on a machine with gigabytes) before collecting again, so under load the
// RSS swung between 200 and 300+ MB around a live heap near 100 MB. At 1.3x the swing is about 30 MB;
// the old generation is still not capped, only collected sooner (docs/performance.md, "Server memory
// at 1,000 sockets").
// MALLOC_ARENA_MAX=2: glibc gives each thread that allocates (libuv's pool, V8's helpers) an arena
// of its own and keeps what they freed; two arenas keep native memory of bursts from staying resident.
export const SERVER_NODE_ARGS = ['--max-semi-space-size=4', '--heap-growing-percent=30', '--import', 'tsx', 'server/index.ts'];

/** The environment of the server's process: `env` with the allocator's setting (an operator's own wins). */
export function serverProcessEnv(env) {
  return { MALLOC_ARENA_MAX: '2', ...env };
}
