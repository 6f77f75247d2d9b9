import type { StepPlace } from '../outline';

/**
 * One numbering on screen: steps are counted ("Step 8 of 35"), sections are marked with § ("§7"),
 * so a section's number never reads as a step's. A section of one step is titled by the section; a
 * section of several steps names the section beside the step's own title.
 */
export function stepLabels(slide: StepPlace): { section: string; title: string; full: string } {
  if (slide.stepsInSection > 1) {
    const section = `§${slide.sectionNumber} ${slide.sectionTitle}`;
    return { section, title: slide.step.title, full: `${section} · ${slide.step.title}` };
  }
  const section = `§${slide.sectionNumber}`;
  return { section, title: slide.sectionTitle, full: `${section} ${slide.sectionTitle}` };
}
