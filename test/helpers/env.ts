// Imported first by the root hooks, before any server module reads the environment.
process.env.NODE_ENV = 'test';
process.env.LOG_LEVEL ??= 'silent';
