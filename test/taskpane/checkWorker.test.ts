/**
 * The pane's check worker client: jobs go to the worker and come back as the engine's check,
 * copied as a real postMessage copies them (structuredClone), equal to a check in this thread;
 * and wherever the worker is missing, fails to start, never answers or dies, the job runs in
 * this thread instead — the pane gets the same results either way.
 */
import { getRuleSet, type SheetCheck } from "../../src/engine";
import { runValidationJob, validateInThread, type ValidationJob } from "../../src/ops/validateJob";
import { CheckWorkerClient, type WorkerLike } from "../../src/taskpane/checkWorker";
import type { CheckRequest, WorkerMessage } from "../../src/taskpane/checkWorkerProtocol";
import { generateProjectSheet } from "../fixtures/generate";

type Behaviour = "answers" | "silent" | "fails-to-load" | "dies-on-job" | "throws-on-post";

/**
 * A worker in this process, talking through structuredClone as a real one does, asynchronously.
 * As in a browser, a job posted while the worker is still loading waits until its script has run
 * (it says ready first); a worker that never loads answers nothing.
 */
class FakeWorker implements WorkerLike {
  onmessage: ((event: { data: WorkerMessage }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  onmessageerror: ((event: unknown) => void) | null = null;
  jobs = 0;
  /** Jobs posted before the worker had loaded. */
  postedEarly = 0;
  terminated = false;
  private loaded = false;
  private queued: CheckRequest[] = [];

  constructor(private readonly behaviour: Behaviour) {
    setTimeout(() => {
      if (behaviour === "fails-to-load") return this.onerror?.(new Error("404"));
      if (behaviour === "silent") return;
      this.loaded = true;
      this.reply({ ready: true });
      for (const request of this.queued.splice(0)) this.run(request);
    }, 0);
  }

  postMessage(message: CheckRequest): void {
    if (this.behaviour === "throws-on-post") throw new Error("DataCloneError");
    const request = structuredClone(message);
    if (this.loaded) return this.run(request);
    this.postedEarly++;
    this.queued.push(request);
  }

  terminate(): void {
    this.terminated = true;
  }

  private run(request: CheckRequest): void {
    this.jobs++;
    setTimeout(() => {
      if (this.behaviour === "dies-on-job") return this.onerror?.(new Error("worker crashed"));
      this.reply({ id: request.id, check: runValidationJob(request.job) });
    }, 0);
  }

  private reply(data: WorkerMessage): void {
    if (!this.terminated) this.onmessage?.({ data: structuredClone(data) });
  }
}

/** A generated form with one 得分 typed wrong, so the check has a finding to carry back. */
function job(rows = 40): ValidationJob {
  const snapshot = generateProjectSheet(rows);
  const ruleSet = getRuleSet("mof-2020");
  const table = validateInThreadSync(snapshot, ruleSet).forms[0].indicators;
  const score = table?.columns.score;
  const row = table?.rows[0]?.row;
  if (score === undefined || row === undefined) throw new Error("generated form without a 得分 column");
  snapshot.values[row - snapshot.origin.row][score - snapshot.origin.col] = 999;
  return { snapshot, ruleSet, options: {}, workbookRule: undefined };
}

function validateInThreadSync(snapshot: ValidationJob["snapshot"], ruleSet: ValidationJob["ruleSet"]): SheetCheck {
  return runValidationJob({ snapshot, ruleSet, options: {}, workbookRule: undefined });
}

/** A client over one fake worker, counting the jobs that ran in this thread. */
function clientWith(behaviour: Behaviour | null, startTimeoutMs = 1000) {
  const workers: FakeWorker[] = [];
  let here = 0;
  const fallback = async (j: ValidationJob): Promise<SheetCheck> => {
    here++;
    return validateInThread(j);
  };
  const client = new CheckWorkerClient(
    fallback,
    () => {
      if (!behaviour) return null;
      const w = new FakeWorker(behaviour);
      workers.push(w);
      return w;
    },
    startTimeoutMs,
  );
  return { client, workers, ranHere: () => here };
}

describe("CheckWorkerClient", () => {
  it("validates in the worker, and the copied check equals one made in this thread", async () => {
    const { client, workers, ranHere } = clientWith("answers");
    const j = job();
    const check = await client.validate(j);
    expect(workers[0].jobs).toBe(1);
    // Posted while the worker was still loading: the copy did not wait for its "ready".
    expect(workers[0].postedEarly).toBe(1);
    expect(ranHere()).toBe(0);
    expect(check).toEqual(runValidationJob(job()));
    expect(check.findings.some((f) => f.severity === "error")).toBe(true);
    expect(check.verdicts?.[0]?.totalScore).toEqual(expect.any(Number));
    // One worker for the pane's life: the next job goes to the same one.
    await client.validate(job(10));
    expect(workers).toHaveLength(1);
    expect(workers[0].jobs).toBe(2);
  });

  it("runs in this thread where there are no workers (jsdom, some Office hosts)", async () => {
    const { client, ranHere } = clientWith(null);
    client.warm();
    expect(await client.validate(job())).toEqual(runValidationJob(job()));
    expect(ranHere()).toBe(1);
  });

  it("runs in this thread when the worker file fails to load, and does not retry it", async () => {
    const { client, workers, ranHere } = clientWith("fails-to-load");
    expect(await client.validate(job())).toEqual(runValidationJob(job()));
    await client.validate(job(10));
    expect(ranHere()).toBe(2);
    expect(workers).toHaveLength(1);
    expect(workers[0].terminated).toBe(true);
  });

  it("runs in this thread when the worker never says it is ready", async () => {
    const { client, workers, ranHere } = clientWith("silent", 20);
    expect(await client.validate(job())).toEqual(runValidationJob(job()));
    expect(ranHere()).toBe(1);
    expect(workers[0].terminated).toBe(true);
  });

  it("runs the job in this thread when the worker dies on it, and every later one too", async () => {
    const { client, workers, ranHere } = clientWith("dies-on-job");
    expect(await client.validate(job())).toEqual(runValidationJob(job()));
    expect(workers[0].jobs).toBe(1);
    await client.validate(job(10));
    expect(workers[0].jobs).toBe(1);
    expect(ranHere()).toBe(2);
  });

  it("runs the job in this thread when it cannot be posted", async () => {
    const { client, ranHere } = clientWith("throws-on-post");
    expect(await client.validate(job())).toEqual(runValidationJob(job()));
    expect(ranHere()).toBe(1);
  });

  it("starts a new worker after dispose (a remounted pane)", async () => {
    const { client, workers } = clientWith("answers");
    await client.validate(job(10));
    client.dispose();
    expect(workers[0].terminated).toBe(true);
    await client.validate(job(10));
    expect(workers).toHaveLength(2);
    expect(workers[1].jobs).toBe(1);
  });
});
