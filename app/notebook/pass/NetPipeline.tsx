interface Props {
  /** Index of the highlighted stage (see `PIPELINE`). */
  current: number;
  /** Backward pass: the arrows point right to left. */
  reverse?: boolean;
}

/** The notes' network as a strip of stages. */
export const PIPELINE = ['X', 'W₁', 'BN', 'ReLU', 'W₂', 'BN', 'softmax', 'CCE'] as const;

/** A picture of where the current step is in the network (the step list is the control). */
export function NetPipeline({ current, reverse = false }: Props) {
  return (
    <div className={`pipeline${reverse ? ' reverse' : ''}`} aria-hidden="true">
      {PIPELINE.map((stage, i) => (
        <span key={i} className="pipeline-item">
          {i > 0 && <span className="pipeline-arrow">{reverse ? '←' : '→'}</span>}
          <span className={`pipeline-stage${i === current ? ' current' : ''}${stage === 'BN' ? ' bn' : ''}`}>{stage}</span>
        </span>
      ))}
    </div>
  );
}
