import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';

/**
 * The keep-alive connection pools of one module registration, shared by the token request and
 * the API calls, and destroyed on shutdown so that no socket outlives `app.close()`.
 */
@Injectable()
export class InpostPayHttpAgents implements OnModuleDestroy {
  readonly http = new HttpAgent({ keepAlive: true });
  readonly https = new HttpsAgent({ keepAlive: true });

  onModuleDestroy(): void {
    this.http.destroy();
    this.https.destroy();
  }
}
