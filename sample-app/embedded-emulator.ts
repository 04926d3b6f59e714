import { Injectable, Module, type OnModuleDestroy } from '@nestjs/common';
import { InpostPayEmulator } from '../lib/testing/index.js';

/** Starts the embedded InPost Pay emulator on demand and stops it with the app. */
@Injectable()
export class EmbeddedEmulator implements OnModuleDestroy {
  private emulator?: InpostPayEmulator;

  /** The running emulator, started on first call. */
  async start(): Promise<InpostPayEmulator> {
    if (!this.emulator) {
      const emulator = new InpostPayEmulator();
      await emulator.start();
      this.emulator = emulator;
    }
    return this.emulator;
  }

  /** The emulator if it was started. */
  get current(): InpostPayEmulator | undefined {
    return this.emulator;
  }

  async onModuleDestroy(): Promise<void> {
    await this.emulator?.stop();
  }
}

@Module({ providers: [EmbeddedEmulator], exports: [EmbeddedEmulator] })
export class EmbeddedEmulatorModule {}
