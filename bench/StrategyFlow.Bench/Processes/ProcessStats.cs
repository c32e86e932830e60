using System.Globalization;

namespace StrategyFlow.Bench.Processes;

/// <summary>Memory and CPU time of a process, read from /proc (Linux).</summary>
public static class ProcessStats
{
    /// <summary>Resident set now (VmRSS) and its peak so far (VmHWM), in bytes.</summary>
    public static (long Rss, long Peak) Memory(int pid)
    {
        long rss = 0, peak = 0;
        foreach (var line in Read(pid, "status").Split('\n'))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kilobytes(line) * 1024;
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = Kilobytes(line) * 1024;
            }
        }
        return (rss, peak);
    }

    /// <summary>User + system CPU time the process (and its waited-for children) used so far.</summary>
    public static TimeSpan CpuTime(int pid)
    {
        var stat = Read(pid, "stat");
        // Fields after the command name (which may contain spaces) start after the last ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // utime, stime, cutime, cstime are fields 14-17 of the whole line: 11-14 after the name and state.
        var ticks = Enumerable.Range(11, 4).Sum(i => long.Parse(fields[i], CultureInfo.InvariantCulture));
        return TimeSpan.FromSeconds(ticks / (double)ClockTicksPerSecond);
    }

    /// <summary>A /proc file of the process; a clear error, not a file-system one, when it has exited.</summary>
    private static string Read(int pid, string file)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/{file}");
        }
        catch (IOException e) // FileNotFound / DirectoryNotFound once the process is gone
        {
            throw new InvalidOperationException($"Process {pid} exited during the run; see its output above.", e);
        }
    }

    // USER_HZ is 100 on every Linux the bench runs on (it is fixed by the kernel ABI for /proc).
    private const int ClockTicksPerSecond = 100;

    private static long Kilobytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}
