/**
 * The quick replies offered now, as buttons, hidden while the conversation is busy; and a
 * "More options" button for the replies that do not fit in the rows a small screen allows
 * (the {@link ReplyRowsController} folds them).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { QuickReply, ReplyEvent } from '../conversation/conversation-types.js';
import { REPLIES } from '../conversation/quick-replies.js';
import { type Translate, translateLine } from './translate.js';

/**
 * The replies to show as buttons. The header offers "talk to a person" in every state, so the
 * plain offer is not shown twice; the urgent one after crisis lines is worded apart and stays.
 */
export function shownReplies(replies: readonly QuickReply[]): QuickReply[] {
  return replies.filter((reply) => reply.line.key !== REPLIES.person.line.key);
}

/** Renders the group of quick replies. */
export function renderReplyButtons(
  t: Translate,
  replies: readonly QuickReply[],
  busy: boolean,
  choose: (event: ReplyEvent) => void,
  unfold: () => void,
): TemplateResult {
  const shown = busy ? [] : shownReplies(replies);
  return html`<div class="replies" part="replies" role="group" aria-label=${t('repliesLabel')} tabindex="-1">
    ${
      !shown.length
        ? nothing
        : html`${shown.map(
            (reply) =>
              html`<button type="button" class="reply" @click=${() => choose(reply.event)}>
                ${translateLine(t, reply.line)}
              </button>`,
          )}<button type="button" class="more-replies" aria-expanded="false" hidden @click=${unfold}>
            ${t('moreReplies')}
          </button>`
    }
  </div>`;
}
