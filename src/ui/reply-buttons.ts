/** The quick replies offered now, as buttons; hidden while the conversation is busy. */
import { html, nothing, type TemplateResult } from 'lit';
import type { QuickReply, ReplyEvent } from '../conversation/conversation-types.js';
import { type Translate, translateLine } from './translate.js';

/** Renders the group of quick replies. */
export function renderReplyButtons(
  t: Translate,
  replies: readonly QuickReply[],
  busy: boolean,
  choose: (event: ReplyEvent) => void,
): TemplateResult {
  return html`<div class="replies" part="replies" role="group" aria-label=${t('repliesLabel')} tabindex="-1">
    ${
      busy
        ? nothing
        : replies.map(
            (reply) =>
              html`<button type="button" class="reply" @click=${() => choose(reply.event)}>
                ${translateLine(t, reply.line)}
              </button>`,
          )
    }
  </div>`;
}
