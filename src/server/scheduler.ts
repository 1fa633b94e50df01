import type { Environment, UnitOfWork } from '../app/ports.js';
import type { Job } from '../app/scheduler/job.js';
import { addMs } from '../core/notifications.js';

export interface SchedulerOptions {
  uow: UnitOfWork;
  env: Environment;
  jobs: Job[];
  /** Unique per running instance, e.g. host:pid:random. */
  instanceId: string;
  /** How often each job's lease is tried (default: 1 s, or less when a job is more frequent). */
  tickMs?: number;
  log?: { error(obj: object, msg: string): void };
}

export interface Scheduler {
  /** Stops taking new runs, waits for running ones and frees their leases. */
  stop(): Promise<void>;
}

const defaultLeaseMs = 60_000;

/**
 * Runs each job about every `everyMs`, on one instance at a time: a run starts only after a
 * conditional update takes the job's lease row (`scheduler_leases`), which exactly one instance
 * wins. The lease is renewed while the job runs and freed when it ends, recording when the run
 * started; an instance that dies mid-run loses the lease when it expires, and another instance
 * reruns the job (whose effects are idempotent by their own unique keys).
 */
export function startScheduler(options: SchedulerOptions): Scheduler {
  const { uow, env, jobs, instanceId } = options;
  const names = new Set(jobs.map((j) => j.name));
  if (names.size !== jobs.length) throw new Error('Scheduler job names must be unique.');
  const running = new Map<string, Promise<void>>();
  let stopped = false;
  const log = options.log ?? {
    error: (obj: object, msg: string) => console.error(msg, obj),
  };

  async function attempt(job: Job): Promise<void> {
    const leaseMs = job.leaseMs ?? defaultLeaseMs;
    const started = env.now();
    const won = await uow.read.scheduler.acquireLease(
      job.name,
      instanceId,
      started,
      addMs(started, leaseMs),
      addMs(started, -job.everyMs),
    );
    if (!won || stopped) {
      if (won) await uow.read.scheduler.releaseLease(job.name, instanceId, env.now(), null);
      return;
    }
    const renew = setInterval(
      () => {
        uow.read.scheduler
          .renewLease(job.name, instanceId, addMs(env.now(), leaseMs))
          .catch((error: unknown) => log.error({ job: job.name, error }, 'lease renewal failed'));
      },
      Math.max(10, Math.floor(leaseMs / 3)),
    );
    renew.unref();
    try {
      await job.run(started);
    } catch (error) {
      log.error({ job: job.name, error }, 'scheduled job failed');
    } finally {
      clearInterval(renew);
      await uow.read.scheduler.releaseLease(job.name, instanceId, env.now(), started);
    }
  }

  const tick = () => {
    if (stopped) return;
    for (const job of jobs) {
      if (running.has(job.name)) continue;
      const run = attempt(job)
        .catch((error: unknown) => log.error({ job: job.name, error }, 'scheduler tick failed'))
        .finally(() => running.delete(job.name));
      running.set(job.name, run);
    }
  };
  const tickMs =
    options.tickMs ?? Math.max(10, Math.min(1000, ...jobs.map((j) => Math.floor(j.everyMs / 2))));
  const timer = setInterval(tick, tickMs);
  tick();

  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await Promise.allSettled([...running.values()]);
    },
  };
}
