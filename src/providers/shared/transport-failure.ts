/**
 * Failures of a network call that are not the network's own answer — the guarded client's
 * HttpFailure (refused address, timeout, dropped connection) or anything unexpected — become
 * ProviderErrors here alike for every provider; each provider's client classifies only what its
 * network answers.
 */
import { HttpFailure } from '../../net/http.types.js';
import { ProviderError, type ProviderErrorKind } from '../provider-error.js';

export interface TransportFailureOptions {
  /**
   * The call may create something the network does not deduplicate (a post, a reply, a message):
   * if the request may have arrived, the outcome is unknown and the pipeline must look before
   * sending again. Otherwise sending again is harmless, and the failure is transient.
   */
  write: boolean;
  /** What to say when a write may have gone through; else "<what> failed: <reason>". */
  unknownOutcomeMessage?: string;
}

/** A refused or unusable address is permanent; a write that may have arrived is unknown; the rest is transient. */
export function httpFailureKind(err: HttpFailure, write: boolean): ProviderErrorKind {
  if (err.kind === 'blocked_address' || err.kind === 'invalid_url') return 'rejected';
  return write && err.maybeDelivered ? 'unknown_outcome' : 'transient';
}

/**
 * Classifies a failure that is not the network's answer. `what` names the call for people, e.g.
 * "Mastodon publish" gives "Mastodon publish failed: <reason>". A ProviderError passes unchanged.
 */
export function classifyTransportFailure(err: unknown, what: string, opts: TransportFailureOptions): ProviderError {
  if (err instanceof ProviderError) return err;
  if (err instanceof HttpFailure) {
    const kind = httpFailureKind(err, opts.write);
    const message = kind === 'unknown_outcome' && opts.unknownOutcomeMessage ? opts.unknownOutcomeMessage : `${what} failed: ${err.message}`;
    return new ProviderError(kind, message, { detail: { httpFailure: err.kind, maybeDelivered: err.maybeDelivered }, cause: err });
  }
  return new ProviderError('transient', `${what} failed: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
}
