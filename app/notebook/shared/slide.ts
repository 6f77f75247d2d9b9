/**
 * A section rendered as a presentation step: `slide` keeps only the equation and its live panel
 * (prose, tables and callouts stay in the notebook), so one step fits a projector screen.
 */
export interface SlideProps {
  slide?: boolean;
}
