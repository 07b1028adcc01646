/**
 * The migration roadmap: generated from the board (roadmap/generate.ts, from
 * what roadmap/facts.ts counts and in the words of roadmap/copy.ts, with the
 * "Before you act" checks of roadmap/cautions.ts), then edited by the room
 * (roadmap/edits.ts). The two horizons the roadmap adds to the facilitator's
 * own live in roadmap/horizons.ts. Everything here is pure.
 */
export { generateRoadmap, STAGE_NOT_AGREED, STEPPED_GAP } from './roadmap/generate.ts';
export { applyInitiativeEdit, mergeRoadmap, moveInitiative, type RoadmapChange } from './roadmap/edits.ts';
export {
  isAddedByRoadmap,
  isOpeningBlock,
  isWaitingList,
  OPENING_HORIZON_ID,
  UNSCHEDULED_HORIZON_ID,
} from './roadmap/horizons.ts';
