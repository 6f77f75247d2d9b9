import { PART_TITLES, type Part } from '../outline';

/** What each part past the notes is about, in a sentence or two (the notes' own part needs no introduction). */
const INTROS: Readonly<Partial<Record<Part, string>>> = {
  beyond:
    'The lecture notes end with training. These sections go past them, into where batch norm is used: on images, in convolutional networks; what happens to it when a trained network is deployed, how it changes what weight decay and the learning rate do; and its relatives, which take μ and σ² over other sets of values than the batch.',
};

/** A part's heading and introduction, before its first section in the notebook. */
export function PartIntro({ part }: { part: Part }) {
  const intro = INTROS[part];
  if (!intro) return null;
  return (
    <div className="part-intro" data-part={part}>
      <h2 className="part-title">{PART_TITLES[part]}</h2>
      <p>{intro}</p>
    </div>
  );
}
