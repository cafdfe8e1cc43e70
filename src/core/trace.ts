/**
 * Debug tracing for code far from any logger (file and URL reads and writes, Kubernetes
 * requests and retries): the door that runs a command points it at its logger's debug level
 * for the run (`--debug`, AICR_DEBUG, the runner's debug mode), and it costs nothing otherwise.
 * Messages go through that logger, so they are redacted like every other line.
 */
type TraceSink = (message: string) => void;

let sink: TraceSink | undefined;

/** Sends traces to `to` until the returned function is called (which restores the previous sink). */
export function traceTo(to: TraceSink | undefined): () => void {
  const previous = sink;
  sink = to;
  return () => {
    sink = previous;
  };
}

/** One debug line; `message` may be a function so that nothing is built when no one listens. */
export function trace(message: string | (() => string)): void {
  if (sink) sink(typeof message === 'function' ? message() : message);
}
