/**
 * A module option is missing or invalid; thrown at boot. Its message names the option, never a
 * secret value. It carries no stack trace: the message says all there is to fix, and the boot
 * log stays free of internal paths.
 */
export class InpostPayConfigurationError extends Error {
  override readonly name = 'InpostPayConfigurationError';

  constructor(message: string) {
    super(message);
    this.stack = `${this.name}: ${message}`;
  }
}
