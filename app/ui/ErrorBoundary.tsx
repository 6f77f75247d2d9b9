import { Component, type ReactNode } from 'react';

interface Props {
  /** What failed, for the message ("Section 5: σ²"). */
  name: string;
  children: ReactNode;
}
interface State {
  error: Error | null;
}

/** Keeps one section's failure inside its own box; the rest of the notebook keeps working. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render() {
    if (this.state.error) {
      return (
        <div role="alert" className="section-error">
          <strong>{this.props.name} could not be shown.</strong> {this.state.error.message}{' '}
          <button type="button" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
        </div>
      );
    }
    return this.props.children;
  }
}
