/** One benchmark number, as `npm run bench` writes it to bench-results.json. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  /** The goal as the issue states it, e.g. "<= 100". */
  goal: string;
}

/** A bench file exports `run`, which measures and returns its numbers. */
export type BenchRun = () => Promise<BenchResult[]>;
