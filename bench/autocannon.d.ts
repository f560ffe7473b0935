/** The slice of autocannon 9's programmatic API the benchmark uses (the package ships no types). */
declare module 'autocannon' {
  /** One entry of the request sequence each connection loops over. */
  export type RequestSpec = {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
    setupRequest?: (request: RequestSpec, context: Record<string, unknown>) => RequestSpec;
  };

  /** Options of one run. */
  export type Options = {
    url: string;
    connections?: number;
    duration?: number;
    timeout?: number;
    requests?: RequestSpec[];
  };

  /** A latency histogram summary, in milliseconds. */
  export type Histogram = {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    total: number;
    p50: number;
    p90: number;
    p99: number;
    p99_9: number;
  };

  /** What a finished run reports. */
  export type Result = {
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    mismatches: number;
    statusCodeStats: Record<string, { count: number }>;
    latency: Histogram;
    requests: Histogram & { sent: number };
  };

  /**
   * Runs a load test. On the main thread it resolves with a `Result`; in a worker thread with a raw result that
   * `aggregateResult` turns into one.
   */
  function autocannon(options: Options): Promise<unknown>;
  namespace autocannon {
    /** Aggregates raw per-instance results into one `Result`. */
    function aggregateResult(results: unknown[], options: Options): Result;
  }
  export default autocannon;
}
