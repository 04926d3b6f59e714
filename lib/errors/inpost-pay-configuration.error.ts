/** A module option is missing or invalid; thrown at boot. Its message names the option, never a secret value. */
export class InpostPayConfigurationError extends Error {
  override readonly name = 'InpostPayConfigurationError';
}
