/**
 * The navigator connection as an XState callback actor, so the conversation machine names it
 * like any other effect and tests swap it with `machine.provide({ actors: { navigator: ... } })`.
 *
 * It opens the transport with its input, forwards every {@link HandoffEvent} to the parent
 * with `sendBack`, and turns the parent's commands into transport calls. Stopping the actor
 * closes the connection without ending the conversation (the page may be reloading); send
 * `end` first to end it, and wait for the `ended` event, which arrives at once.
 */
import { fromCallback } from 'xstate';
import type {
  CallbackRequestDetails,
  FollowUpRequestDetails,
  HandoffEvent,
  HandoffOpenRequest,
  HandoffResume,
  HandoffTransport,
} from './handoff-transport.js';
import type { MessageContent } from './message-content.js';

/** Commands the parent sends the actor. */
export type HandoffCommand =
  | { type: 'send'; clientId: string; text: string; content?: MessageContent }
  | { type: 'typing'; typing: boolean }
  /**
   * Ends the conversation. With `stored` (quick exit), also by a beacon that survives the page
   * being replaced, in case the open connection has no time to say it.
   */
  | { type: 'end'; stored?: Pick<HandoffResume, 'conversationId' | 'secret'> }
  | ({ type: 'request-callback' } & CallbackRequestDetails)
  | ({ type: 'request-follow-up' } & FollowUpRequestDetails);

/** The actor's input: what to open. */
export type HandoffActorInput = HandoffOpenRequest;

/**
 * Callback-actor logic over a transport. Use as
 * `setup({ actors: { navigator: createHandoffActor(transport) } })` and invoke it with
 * `input: ({ context }) => ({ summary, resume, pending })`.
 */
export function createHandoffActor(transport: HandoffTransport) {
  return fromCallback<HandoffCommand, HandoffActorInput>(({ input, sendBack, receive }) => {
    const connection = transport.open(input, (event: HandoffEvent) => sendBack(event));
    receive((command) => {
      switch (command.type) {
        case 'send':
          return connection.send(command.clientId, command.text, command.content);
        case 'typing':
          return connection.typing(command.typing);
        case 'end':
          connection.end();
          if (command.stored) transport.endStored(command.stored);
          return;
        case 'request-callback':
          return connection.requestCallback({
            clientId: command.clientId,
            phone: command.phone,
            bestTime: command.bestTime,
          });
        case 'request-follow-up':
          return connection.requestFollowUp({ clientId: command.clientId, phone: command.phone, when: command.when });
      }
    });
    return () => connection.close();
  });
}
