/** Every message the module puts in a boot error or a log line, in one place. No secret goes in. */
export const MESSAGES = {
  optionRequired: (option: string) =>
    `InpostPayModule: option "${option}" is required and must be a non-empty string.`,
  optionEmpty: (option: string) =>
    `InpostPayModule: option "${option}" must be a non-empty string when it is given.`,
  optionUnknownEnvironment: (option: string) =>
    `InpostPayModule: option "${option}" must be 'sandbox' or 'production'.`,
  optionBadUrl: (option: string) =>
    `InpostPayModule: option "${option}" must be an absolute http:// or https:// URL without credentials, query or fragment.`,
  optionBadNumber: (option: string) =>
    `InpostPayModule: option "${option}" must be a finite number greater than or equal to zero.`,
  optionNotPositive: (option: string) =>
    `InpostPayModule: option "${option}" must be a finite number greater than zero.`,
  optionNotObject: (option: string) => `InpostPayModule: option "${option}" must be an object.`,
  optionsMissing: () =>
    'InpostPayModule: no options were given; pass them to forRoot() or return them from the forRootAsync() factory.',
  retryBoundsReversed: () =>
    'InpostPayModule: option "tokenRefresh.retryBaseDelayMs" must not exceed "tokenRefresh.retryMaxDelayMs".',
  leadBelowMargin: () =>
    'InpostPayModule: option "tokenRefresh.refreshLeadMs" must be at least twice "tokenRefresh.expiryMarginMs", so that a token is refreshed well before it stops being handed out.',
  scheduleModuleMissing: () =>
    'InpostPayModule needs the host application\'s SchedulerRegistry: add ScheduleModule.forRoot() (from @nestjs/schedule) to the imports of your root module, next to InpostPayModule.',
  transactionSecretMissing: () =>
    'InpostPayClient.refundTransaction() needs the module option "transactionSecret" (the transaction API secret from the InPost merchant panel).',
  credentialsRejected: (environment: string, error: string) =>
    `Configuration error: InPost rejected the OAuth2 client credentials (${error}). Check the options "clientId" and "clientSecret" for the "${environment}" environment (sandbox credentials come from InPost, production ones from the merchant panel) and restart the application.`,
  tokenRefreshFailed: (reason: string, retryInMs: number, keepsToken: boolean) =>
    `Token request failed: ${reason}. ${keepsToken ? 'The current token stays in service; ' : 'No usable token; '}next attempt in ${(retryInMs / 1000).toFixed(1)} s.`,
  tokenRecovered: () => 'Token request succeeded again after earlier failures.',
  storeUnknownType: () => `InpostPayModule: option "store.type" must be 'memory' or 'redis'.`,
  storeUrlOrClient: () => 'InpostPayModule: option "store" of type \'redis\' needs exactly one of "store.url" and "store.client".',
  storeBadUrl: () => 'InpostPayModule: option "store.url" must be a redis:// or rediss:// URL with a host name.',
  storeBadClient: () => 'InpostPayModule: option "store.client" must be a Redis client with a call(command, args) method, such as an ioredis Redis.',
  ioredisMissing: () =>
    'InpostPayModule: option "store.url" needs the package ioredis: run `npm install ioredis`, or pass a client of your own as "store.client".',
} as const;
