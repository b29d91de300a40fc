using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace GanAugment.Tensors.Kernels;

/// <summary>
/// The helper threads behind <see cref="EngineThreads.For(int, int, int, Action{int})"/>: dedicated
/// background threads that, after a job, spin for <see cref="SpinMicroseconds"/> before they sleep,
/// so the next kernel of a training step (typically a few µs later) finds them awake. NOTE: for
/// speed: waking a sleeping thread-pool worker costs tens of µs on a virtual machine, about what a
/// 64-row GEMM of an MLP layer takes on one core, and a training step runs about a hundred such
/// kernels. The caller always takes part and claims indices until none is left, so a job completes
/// even if no helper ever wakes (a loaded machine) and nested calls cannot deadlock. Which thread
/// runs an index never changes a result: kernels give each index its own output.
/// </summary>
internal static class EngineWorkers
{
    /// <summary>How long an idle helper keeps polling for the next job before it blocks.</summary>
    public const int SpinMicroseconds = 200;

    /// <summary>
    /// Most helper threads ever started: one per other processor (a helper that polls on a
    /// processor the caller needs only slows it down), and never more than 63.
    /// </summary>
    public static readonly int MaxHelpers = Math.Min(63, Environment.ProcessorCount - 1);

    private static readonly Lock s_startLock = new();
    private static Helper[] s_helpers = [];
    private static Job? s_job;

    /// <summary>Runs body(i) for i in [from, from + count) on the caller and up to <paramref name="helpers"/> helper threads.</summary>
    public static void Run(int from, int count, int helpers, Action<int> body)
    {
        helpers = Math.Max(0, Math.Min(helpers, MaxHelpers));
        var job = new Job(body, from, count, helpers);
        if (helpers > 0)
        {
            Helper[] pool = Ensure(helpers);
            Volatile.Write(ref s_job, job);
            for (int i = 0; i < helpers; i++)
            {
                pool[i].Wake();
            }
        }

        job.Work();
        var spinner = default(SpinWait);
        while (Volatile.Read(ref job.Done) < count)
        {
            spinner.SpinOnce(sleep1Threshold: -1);
        }

        // Drop the finished job so that its body (and what the body captured) can be collected.
        Interlocked.CompareExchange(ref s_job, null, job);
        if (job.Error is { } error)
        {
            ExceptionDispatchInfo.Capture(error).Throw();
        }
    }

    private static Helper[] Ensure(int helpers)
    {
        Helper[] pool = Volatile.Read(ref s_helpers);
        if (pool.Length >= helpers)
        {
            return pool;
        }

        lock (s_startLock)
        {
            pool = s_helpers;
            if (pool.Length < helpers)
            {
                var grown = new Helper[helpers];
                Array.Copy(pool, grown, pool.Length);
                for (int i = pool.Length; i < helpers; i++)
                {
                    grown[i] = new Helper(i);
                }

                Volatile.Write(ref s_helpers, grown);
                pool = grown;
            }

            return pool;
        }
    }

    /// <summary>One parallel loop: indices are claimed one at a time; the first exception is kept.</summary>
    private sealed class Job(Action<int> body, int from, int count, int helpers)
    {
        public int Next;
        public int Done;
        public int Joined;
        public Exception? Error;

        /// <summary>Lets a helper in, at most <c>helpers</c> of them (the thread cap of the call).</summary>
        public bool Join() => Interlocked.Increment(ref Joined) <= helpers;

        public void Work()
        {
            int i;
            while ((i = Interlocked.Increment(ref Next) - 1) < count)
            {
                try
                {
                    body(from + i);
                }
                catch (Exception e)
                {
                    Interlocked.CompareExchange(ref Error, e, null);
                }

                Interlocked.Increment(ref Done);
            }
        }
    }

    private sealed class Helper
    {
        private readonly SemaphoreSlim _signal = new(0);
        private int _sleeping;

        public Helper(int index)
        {
            var thread = new Thread(Loop) { IsBackground = true, Name = $"GanAugment engine helper {index + 1}" };
            thread.Start();
        }

        /// <summary>Called after a job is posted: releases the helper if it is blocked.</summary>
        public void Wake()
        {
            if (Interlocked.Exchange(ref _sleeping, 0) == 1)
            {
                _signal.Release();
            }
        }

        private void Loop()
        {
            Job? last = null;
            while (true)
            {
                Job job = Next(last);
                last = job;
                if (job.Join())
                {
                    job.Work();
                }
            }
        }

        /// <summary>Polls for a job other than <paramref name="last"/>, then blocks until one is posted.</summary>
        private Job Next(Job? last)
        {
            long deadline = Stopwatch.GetTimestamp() + (Stopwatch.Frequency * SpinMicroseconds / 1_000_000);
            while (true)
            {
                for (int spin = 0; spin < 64; spin++)
                {
                    Job? job = Volatile.Read(ref s_job);
                    if (job != null && job != last)
                    {
                        return job;
                    }

                    Thread.SpinWait(8);
                }

                if (Stopwatch.GetTimestamp() < deadline)
                {
                    continue;
                }

                // Announce the sleep, then look once more: a job posted in between either sees the
                // flag (and releases the semaphore) or is seen here.
                Interlocked.Exchange(ref _sleeping, 1);
                Job? posted = Volatile.Read(ref s_job);
                if (posted != null && posted != last)
                {
                    if (Interlocked.Exchange(ref _sleeping, 0) == 0)
                    {
                        _signal.Wait();
                    }

                    return posted;
                }

                _signal.Wait();
                deadline = Stopwatch.GetTimestamp() + (Stopwatch.Frequency * SpinMicroseconds / 1_000_000);
            }
        }
    }
}
