export const SERVER_NODE_ARGS: string[];
export function serverProcessEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
