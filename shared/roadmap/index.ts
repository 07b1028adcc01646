/**
 * The migration roadmap: generated from the board (roadmap/generate.ts: what
 * roadmap/facts.ts counts, ranked by rank.ts, placed by place.ts and written
 * by assemble.ts in the words of copy.ts and the team's own (team-words.ts),
 * with the "Before you act" checks of cautions.ts), then edited by the room
 * (roadmap/edits.ts). The two horizons the roadmap adds to the facilitator's
 * own live in roadmap/horizons.ts. Everything here is pure.
 */
export { generateRoadmap, STEPPED_GAP } from './generate.ts';
export { STAGE_NOT_AGREED } from '../domain/canvas.ts';
export { applyInitiativeEdit, mergeRoadmap, moveInitiative, type RoadmapChange } from './edits.ts';
export { isAddedByRoadmap, isOpeningBlock, isWaitingList, OPENING_HORIZON_ID, UNSCHEDULED_HORIZON_ID } from './horizons.ts';
