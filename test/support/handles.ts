import type { InpostPayHttpAgents } from '../../lib/http/inpost-pay-http-agents.js';

/** Sockets an agent pair still holds, busy or idle. */
export function openSockets(agents: InpostPayHttpAgents): number {
  return [agents.http, agents.https]
    .flatMap((agent) => [...Object.values(agent.sockets), ...Object.values(agent.freeSockets)])
    .reduce((count, sockets) => count + (sockets?.length ?? 0), 0);
}

/** Lets the event loop pass its close phase, where closed handles are finally released. */
export async function passCloseCallbacks(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setImmediate(resolve));
}
