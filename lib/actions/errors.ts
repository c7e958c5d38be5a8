/**
 * An error whose message (a message-catalog key) may be shown to the user. Anything else thrown
 * inside an action is logged and shown as a generic error.
 */
export class PublicError extends Error {
  constructor(
    readonly messageKey: string,
    readonly status: 400 | 401 | 403 | 404 | 409 | 429 = 400,
  ) {
    super(messageKey);
  }
}

export type FieldErrors = Record<string, string[]>;

/** What every action returns; the form shows `error` (a catalog key) or the field errors. */
export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; status: number; error: string; fieldErrors?: FieldErrors };
