namespace StrategyFlow.Bench.Processes;

/// <summary>
/// CPU time of the host across restarts: the processes killed so far plus the one running now. Differences
/// of <see cref="Total"/> over an interval are what the host used in it, whichever process ran.
/// </summary>
public sealed class HostCpu(Func<int> currentProcessId)
{
    private TimeSpan _gone;

    /// <summary>Not while a restart is under way: the current process id is then the dead one's.</summary>
    public TimeSpan Total => _gone + ProcessStats.CpuTime(currentProcessId());

    /// <summary>Right before the running process is killed: its time is kept, /proc forgets it with the process.</summary>
    public void BeforeKill() => _gone += ProcessStats.CpuTime(currentProcessId());
}
