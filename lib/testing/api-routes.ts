import { basketRoutes } from './basket-routes.js';
import { merchantRoutes } from './merchant-routes.js';
import { orderRoutes } from './order-routes.js';
import { productRoutes } from './product-routes.js';
import { routeKey, type ApiRoute } from './route-table.js';
import { TOKEN_ROUTE } from './token-endpoint.js';
import { transactionRoutes } from './transaction-routes.js';

/** Every InPost Pay API route of reference section 3 the emulator serves. */
export const API_ROUTES: readonly ApiRoute[] = [...basketRoutes, ...orderRoutes, ...merchantRoutes, ...productRoutes, ...transactionRoutes];

/**
 * The keys `requestCount()` counts requests under: `'POST /token'` for the token endpoint, then
 * one `'METHOD /path/{param}'` per API route. A request to no known route is counted under its
 * method and concrete path (`'GET /v1/izi/nope'`).
 */
export const INPOST_PAY_EMULATOR_ROUTES: readonly string[] = [TOKEN_ROUTE, ...API_ROUTES.map(routeKey)];
