/**
 * A workshop's model in the shape the app works with, and the default one,
 * read from the file it ships as (shared/templates/social-organisation.json):
 * no dimension, descriptor, prompt, first step or benchmark is written in code.
 *
 * `modelOf` and `templateOf` turn a template file into a model and back; a
 * template exported, imported and exported again is identical
 * (tests/unit/template.test.ts). Zod-free (the file is checked against the
 * schema by a unit test, not on every load), so the home page can offer the
 * default canvas without the schema library. The phone never imports this.
 */
import json from '../templates/social-organisation.json' with { type: 'json' };
import type { DimensionPlaybook, Stage } from './canvas.ts';
import type { DimensionDef, Settings, WorkshopTemplate } from './types.ts';

export interface WorkshopModel {
  name: string;
  description: string;
  stages: Stage[];
  dimensions: DimensionDef[];
  /** By dimension key; a dimension without one gets steps written from its descriptors. */
  playbooks: Record<string, DimensionPlaybook>;
  settings: Settings;
}

/** The default canvas, as shipped. */
export const DEFAULT_TEMPLATE: WorkshopTemplate = json as unknown as WorkshopTemplate;

/** A dimension's playbook, or undefined: own keys only ("constructor" is a valid dimension key). */
export function playbookOf(
  playbooks: Readonly<Record<string, DimensionPlaybook>> | null | undefined,
  key: string,
): DimensionPlaybook | undefined {
  return playbooks && Object.hasOwn(playbooks, key) ? playbooks[key] : undefined;
}

export function modelOf(t: WorkshopTemplate): WorkshopModel {
  const playbooks: Record<string, DimensionPlaybook> = {};
  for (const d of t.dimensions) {
    if (d.playbook) {
      playbooks[d.key] = {
        align: d.playbook.align,
        firstSteps: d.playbook.firstSteps.map((s) => ({ text: s.text, cues: [...s.cues] })),
        benchmarks: [...d.playbook.benchmarks],
        ...(d.playbook.needs ? { needs: [...d.playbook.needs] } : {}),
      };
    }
  }
  return {
    name: t.name,
    description: t.description ?? '',
    stages: t.stages.map(({ level, name, summary, short }) => ({ level, name, summary, short })),
    dimensions: t.dimensions.map(({ key, name, left, right, descriptors, prompts, enabler }) => ({
      key,
      name,
      left,
      right,
      descriptors: [...descriptors],
      prompts: [...prompts],
      enabler,
    })),
    playbooks,
    // A template does not carry participantCopies (a session's choice): every workshop starts with copies on.
    settings: {
      ...t.settings,
      participantCopies: true,
      horizons: t.horizons.map(({ id, label, fromMonth, toMonth }) => ({ id, label, fromMonth, toMonth })),
    },
  };
}

/** The model as a template file, every field in a fixed order (what `template.json` sends). */
export function templateOf(m: WorkshopModel): WorkshopTemplate {
  const s = m.settings;
  return {
    format: 'social-shift/template',
    version: 1,
    name: m.name,
    description: m.description,
    stages: m.stages.map(({ level, name, summary, short }) => ({ level, name, summary, short })),
    dimensions: m.dimensions.map((d) => {
      const p = playbookOf(m.playbooks, d.key);
      return {
        key: d.key,
        name: d.name,
        left: d.left,
        right: d.right,
        descriptors: [...d.descriptors],
        prompts: [...d.prompts],
        enabler: d.enabler,
        ...(p
          ? {
              playbook: {
                align: p.align,
                firstSteps: p.firstSteps.map((x) => ({ text: x.text, cues: [...x.cues] })),
                benchmarks: [...p.benchmarks],
                ...(p.needs ? { needs: [...p.needs] } : {}),
              },
            }
          : {}),
      };
    }),
    horizons: s.horizons.map(({ id, label, fromMonth, toMonth }) => ({ id, label, fromMonth, toMonth })),
    settings: {
      votesPerPerson: s.votesPerPerson,
      anonymous: s.anonymous,
      privateUntilReveal: s.privateUntilReveal,
      minAnswers: s.minAnswers,
      initiativeCap: s.initiativeCap,
      roadmapEditable: s.roadmapEditable,
      serves: s.serves,
      ...(s.organisationKind ? { organisationKind: s.organisationKind } : {}),
    },
  };
}

export const defaultModel = (): WorkshopModel => modelOf(DEFAULT_TEMPLATE);

/** The default canvas's dimensions (fresh copies). */
export const defaultDimensions = (): DimensionDef[] => defaultModel().dimensions;

/** The default canvas's playbook for a dimension key, if it has one. */
export const defaultPlaybook = (key: string): DimensionPlaybook | undefined => playbookOf(DEFAULT_PLAYBOOKS, key);

const DEFAULT_PLAYBOOKS = defaultModel().playbooks;
