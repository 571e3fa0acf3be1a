/**
 * What a navigator sees when they take a conversation: the language, each need in the
 * visitor's own words, the area, who the help is for, urgency and crisis flags, and the
 * services already shown. Built from the conversation's data, nothing more: no name, no
 * address, no device details (see `docs/navigator-service.md`, "What is stored").
 */
import { pickText } from '../directory/snapshot.js';
import type { HandoffSummary, ServiceShown } from '../handoff/handoff-protocol.js';
import type { ConversationContext } from './conversation-types.js';

/** The summary handed to a navigator for this conversation. */
export function handoffSummary(context: ConversationContext): HandoffSummary {
  const { language, answers } = context;
  const area = answers.area ? context.areaOptions.find((option) => option.id === answers.area) : undefined;
  const areaName = area ? pickText(area.name, language)?.text : undefined;
  const servicesShown: ServiceShown[] = [];
  for (const message of context.messages) {
    if (message.kind !== 'results') continue;
    for (const { service } of message.results) {
      if (servicesShown.some((shown) => shown.id === service.id)) continue;
      servicesShown.push({ id: service.id, name: pickText(service.name, language)?.text ?? service.id });
    }
  }
  // `=== true`: a conversation stored before this flag existed has none.
  const crisis = context.crisis.length > 0 || context.crisisLinesAsked === true;
  return {
    language,
    reason: context.handoffReason ?? 'asked',
    needs: context.needs.map((need) => ({ words: need.text ?? '', categories: need.categories })),
    ...(areaName ? { area: areaName } : {}),
    ...(answers.ageGroup ? { forWhom: answers.ageGroup } : {}),
    urgent: crisis || answers.today === true || context.urgentWords,
    crisis,
    crisisKinds: context.crisis,
    ...(context.safetyCheck ? { safetyCheck: context.safetyCheck } : {}),
    servicesShown,
  };
}
