import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Subject, type Observable } from 'rxjs';
import type { InpostPayEvent } from './inpost-pay-event.model.js';

interface Emitter {
  emit(name: string, payload: unknown): unknown;
}

/**
 * The module's monitoring events: token refreshes and failures, refused callbacks, finished API
 * calls. Subscribe to `events$`, or import `EventEmitterModule.forRoot()` from
 * `@nestjs/event-emitter` and listen with `@OnEvent('inpost-pay.<type>')`. Events never carry a
 * token, a secret or a request body.
 */
@Injectable()
export class InpostPayEvents implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(InpostPayEvents.name);
  private readonly subject = new Subject<InpostPayEvent>();
  private emitter?: Emitter;

  constructor(private readonly moduleRef: ModuleRef) {}

  /** Every event, as it happens. Completes on shutdown. */
  get events$(): Observable<InpostPayEvent> {
    return this.subject.asObservable();
  }

  async onModuleInit(): Promise<void> {
    this.emitter = await this.findEventEmitter();
  }

  onModuleDestroy(): void {
    this.subject.complete();
  }

  /**
   * Delivers `event` to the `events$` subscribers and, when the host has one, to `EventEmitter2`
   * as `inpost-pay.<type>`. A throwing `EventEmitter2` listener is logged and skipped; an `events$`
   * subscriber must not throw (rxjs rethrows its error asynchronously, as an uncaught exception).
   */
  emit(event: InpostPayEvent): void {
    this.subject.next(event);
    try {
      this.emitter?.emit(`inpost-pay.${event.type}`, event);
    } catch (error) {
      this.logger.warn(`A monitoring event listener failed: ${error instanceof Error ? error.message.slice(0, 200) : 'unknown error'}`);
    }
  }

  private async findEventEmitter(): Promise<Emitter | undefined> {
    try {
      const { EventEmitter2 } = await import('@nestjs/event-emitter');
      return this.moduleRef.get(EventEmitter2, { strict: false });
    } catch {
      return undefined;
    }
  }
}
