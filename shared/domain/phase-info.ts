/**
 * Each phase's title and what to do in it, in English, as the console and the
 * projector say them. A file of its own so that the phone, which words the
 * phases in its own language (client/i18n/messages/), does not carry them.
 */
import type { Phase } from './canvas.ts';

export const PHASE_INFO: Record<Phase, { title: string; prompt: string }> = {
  lobby: { title: 'Lobby', prompt: 'Join on your phone with the code on screen. No account needed.' },
  map: {
    title: 'Map today',
    prompt: 'Write how we work today, one practice per card, and place it honestly: which dimension, which stage?',
  },
  assess: {
    title: 'Assess',
    prompt: 'For each dimension: where are we now, and where should we be in 12 to 18 months?',
  },
  prioritise: {
    title: 'Prioritise',
    prompt: 'Spend your votes on what to change first. Name what stands in the way as barrier cards.',
  },
  roadmap: {
    title: 'Roadmap',
    prompt: 'Our migration roadmap: agree owners and how we will know each step worked.',
  },
  export: { title: 'Export', prompt: 'The roadmap as the room leaves it: the plan, and the record of the board.' },
};
