/**
 * The mock API in Node (vitest): the same handlers behind MSW's request interception.
 * tests/setup.ts starts it with `onUnhandledRequest: 'error'`; tests override with `server.use(...)`.
 */
import { setupServer } from 'msw/node';
import { handlers } from './handlers.ts';

/** The node mock server shared by every unit and component test. */
export const server = setupServer(...handlers);
