import { Component, type ReactNode } from 'react';
import { isChunkLoadError } from './chunkError';

interface Props {
  /** What failed, for the message ("Section 5: σ²"). */
  name: string;
  /** Reloads the page (for tests; default `location.reload`). */
  reload?: () => void;
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
    if (this.state.error && isChunkLoadError(this.state.error)) {
      // Not this part's fault: the page's code is older than what is served (or the network is off). Trying
      // again would fetch the same missing file; a reload gets the current version, on the same address.
      return (
        <div role="alert" className="section-stale">
          <strong>A new version is available — reload to see {this.props.name}.</strong> This page is older than the notebook now
          installed (updated in another tab), or the network is off; your settings are in the address and stay.{' '}
          <button type="button" onClick={this.props.reload ?? (() => window.location.reload())}>
            Reload
          </button>
        </div>
      );
    }
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
