/**
 * Base class of every error the module raises at run time. Carries plain data only: never the
 * axios request, its headers, a token or a secret, so it is safe to log and to serialize.
 */
export abstract class InpostPayException extends Error {
  /** Serializable view of the error (used by `JSON.stringify`): its own fields and message. */
  toJSON(): Record<string, unknown> {
    return { ...Object.fromEntries(Object.entries(this)), message: this.message };
  }
}
