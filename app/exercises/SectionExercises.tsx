import { useMemo } from 'react';
import { useAppState } from '../state/store';
import { useMiniBatch } from '../state/useMiniBatch';
import { useNotesContext } from '../notebook/pass/useNotesContext';
import { useRunningTrace } from '../notebook/inference/useRunningTrace';
import { BATCH_EXERCISE_SECTIONS, batchSectionExercises } from './model/batchExercises';
import { PASS_EXERCISE_SECTIONS, passSectionExercises } from './model/passExercises';
import { inferenceExercises } from './model/inferenceExercises';
import { ExerciseList } from './ExerciseList';

/** Sections 2–10: the shared mini-batch with the page's ε. */
function BatchExercises({ section }: { section: string }) {
  const z = useMiniBatch();
  const eps = useAppState((s) => s.eps);
  const seed = useAppState((s) => s.exSeed);
  const exercises = useMemo(() => batchSectionExercises(section, { z, eps, seed }), [section, z, eps, seed]);
  return <ExerciseList section={section} exercises={exercises} />;
}

/** Sections 11–12: the notes' network as the page shows it. */
function PassExercises({ section }: { section: string }) {
  const ctx = useNotesContext();
  const seed = useAppState((s) => s.exSeed);
  const exercises = useMemo(() => passSectionExercises(section, { batch: ctx.state.batch, fwd: ctx.fwd, grads: ctx.grads, eps: ctx.eps, seed }), [section, ctx, seed]);
  return <ExerciseList section={section} exercises={exercises} note="the notes’ network on screen" fixedData />;
}

/** Section 15: the stream of training batches of its running statistics. */
function InferenceExercises() {
  const trace = useRunningTrace();
  const m = useAppState((s) => s.m);
  const momentum = useAppState((s) => s.momentum);
  const exercises = useMemo(() => (m >= 2 ? inferenceExercises({ trace, m, momentum }) : []), [trace, m, momentum]);
  return <ExerciseList section="inference" exercises={exercises} note="the training batches on screen" />;
}

/** A section's exercises (nothing for a section without any). Loaded with the notebook, never in the presentation. */
export default function SectionExercises({ section }: { section: string }) {
  if (BATCH_EXERCISE_SECTIONS.includes(section)) return <BatchExercises section={section} />;
  if (PASS_EXERCISE_SECTIONS.includes(section)) return <PassExercises section={section} />;
  if (section === 'inference') return <InferenceExercises />;
  return null;
}
