/**
 * A hand-off transport whose code loads on first use: the WebSocket client, its outbox and
 * reconnection logic stay out of the bundle that opens the panel, and arrive only when a
 * visitor asks for a person. Commands given before it arrives are kept and replayed in order.
 */
import type { AvailabilityResponse } from './handoff-protocol.js';
import type { MessageContent } from './message-content.js';
import type {
  CallbackRequestDetails,
  FollowUpRequestDetails,
  HandoffConnection,
  HandoffEvent,
  HandoffOpenRequest,
  HandoffResume,
  HandoffTransport,
} from './handoff-transport.js';

/** Wraps a transport that is imported on demand. */
export function lazyTransport(load: () => Promise<HandoffTransport>): HandoffTransport {
  let loading: Promise<HandoffTransport> | undefined;
  const transport = () => {
    loading ??= load();
    // Forget a failed import so the next attempt really retries.
    loading.catch(() => {
      loading = undefined;
    });
    return loading;
  };
  return {
    open(request: HandoffOpenRequest, listener: (event: HandoffEvent) => void): HandoffConnection {
      let connection: HandoffConnection | undefined;
      let closed = false;
      const waiting: ((connection: HandoffConnection) => void)[] = [];
      const later = (command: (connection: HandoffConnection) => void) => {
        if (connection) command(connection);
        else waiting.push(command);
      };
      listener({ type: 'connecting', attempt: 0 });
      transport().then(
        (real) => {
          if (closed) return;
          connection = real.open(request, listener);
          for (const command of waiting.splice(0)) command(connection);
        },
        (error: unknown) => {
          if (closed) return;
          listener({
            type: 'error',
            code: 'no-conversation',
            message: `The chat could not load: ${error instanceof Error ? error.message : String(error)}`,
          });
          listener({ type: 'offline', reason: 'no-navigators' });
        },
      );
      return {
        send: (clientId: string, text: string, content?: MessageContent) =>
          later((c) => c.send(clientId, text, content)),
        typing: (typing: boolean) => later((c) => c.typing(typing)),
        requestCallback: (details: CallbackRequestDetails) => later((c) => c.requestCallback(details)),
        requestFollowUp: (details: FollowUpRequestDetails) => later((c) => c.requestFollowUp(details)),
        end: () => later((c) => c.end()),
        close: () => {
          closed = true;
          connection?.close();
        },
      };
    },
    availability: (): Promise<AvailabilityResponse> => transport().then((real) => real.availability()),
    endStored: (resume: Pick<HandoffResume, 'conversationId' | 'secret'>) => {
      void transport().then((real) => real.endStored(resume));
    },
  };
}
