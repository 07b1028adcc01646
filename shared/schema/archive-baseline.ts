/**
 * What a re-run keeps of an earlier workshop's archive, read from the file's
 * own (zod-checked) shape; the comparison itself lives in shared/rules/baseline.ts.
 */
import { histogram } from '../rules/summary.ts';
import { LIMITS } from '../domain/limits.ts';
import { BASELINE_BARRIERS_MAX, BASELINE_BARRIERS_PER_INITIATIVE_MAX, cleanLine as clean } from '../rules/baseline.ts';
import type { Archive } from './archive.ts';
import type { Baseline, BaselineDimension, EarlierInitiative } from '../domain/types.ts';

/**
 * What a re-run keeps of an earlier workshop's archive: per dimension, how many people put
 * their markers on each stage; the earlier roadmap's initiatives (title, stages, horizon,
 * owner, benchmark and the barriers raised against each); the barriers raised. No name,
 * person or respondent id survives, so nothing links people across the two sessions.
 */
export function baselineFromArchive(archive: Archive): Baseline {
  const dimensions: BaselineDimension[] = archive.template.dimensions.map((d) => {
    const mine = archive.markers.filter((m) => m.dimension === d.key && (m.current !== null || m.target !== null));
    return {
      key: d.key,
      name: clean(d.name, LIMITS.dimensionNameMax),
      current: histogram(mine.map((m) => m.current)),
      target: histogram(mine.map((m) => m.target)),
      answers: mine.length,
    };
  });
  const cardText = new Map(archive.cards.map((c) => [c.id, clean(c.text, LIMITS.cardTextMax)]));
  const roadmap = archive.roadmap;
  const horizonLabel = new Map((roadmap?.horizons ?? []).map((h) => [h.id, clean(h.label, LIMITS.horizonLabelMax)]));
  const initiatives: EarlierInitiative[] = (roadmap?.initiatives ?? []).map((i) => ({
    id: i.id,
    dimension: i.dimension,
    kind: i.kind,
    title: clean(i.title, LIMITS.roadmapFieldMax),
    fromStage: i.fromStage,
    toStage: i.toStage,
    horizon: horizonLabel.get(i.horizon) ?? '',
    owner: clean(i.owner, LIMITS.roadmapFieldMax),
    benchmark: clean(i.benchmark, LIMITS.roadmapFieldMax) || clean(i.suggestedBenchmark ?? '', LIMITS.roadmapFieldMax),
    barriers: [...new Set(i.barriers.map((id) => cardText.get(id) ?? '').filter(Boolean))].slice(0, BASELINE_BARRIERS_PER_INITIATIVE_MAX),
  }));
  const seen = new Set<string>();
  const barriers: Baseline['barriers'] = [];
  for (const c of archive.cards) {
    if (c.kind !== 'barrier' || barriers.length >= BASELINE_BARRIERS_MAX) continue;
    const text = clean(c.text, LIMITS.cardTextMax);
    const key = `${c.dimension ?? ''}\u0000${text.toLocaleLowerCase()}`;
    if (text === '' || seen.has(key)) continue;
    seen.add(key);
    barriers.push({ text, dimension: c.dimension });
  }
  return {
    title: clean(archive.workshop.title, LIMITS.titleMax),
    organisation: clean(archive.workshop.organisation, LIMITS.organisationMax),
    date: archive.workshop.createdAt.slice(0, 10),
    dimensions,
    initiatives,
    barriers,
  };
}
