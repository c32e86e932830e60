using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace StrategyFlow.Testing;

/// <summary>
/// A process the tests started: its output kept (the last lines, for failure messages), and killed with
/// its children when the tests end, even when they fail or the test run itself exits.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    const int KeptLines = 300;

    readonly Process process;
    readonly ConcurrentQueue<string> output = new();
    Process? watchdog;

    ChildProcess(Process process)
    {
        this.process = process;
        AppDomain.CurrentDomain.ProcessExit += OnTestRunExit;
    }

    public static ChildProcess Start(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?> environment, string workingDirectory)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        var child = new ChildProcess(new Process { StartInfo = start });
        child.process.OutputDataReceived += (_, e) => child.Keep(e.Data);
        child.process.ErrorDataReceived += (_, e) => child.Keep(e.Data);
        child.process.Start();
        child.process.BeginOutputReadLine();
        child.process.BeginErrorReadLine();
        child.watchdog = StartWatchdog(child.process.Id);
        return child;
    }

    // If the test run itself is killed (no disposal, no ProcessExit), this kills the child a second later.
    static Process StartWatchdog(int childId)
    {
        var watch = new ProcessStartInfo("setsid") { UseShellExecute = false };
        foreach (var argument in new[]
        {
            "bash", "-c", "while kill -0 \"$1\" 2>/dev/null; do sleep 1; done; kill -KILL \"$2\" 2>/dev/null",
            "watchdog", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), childId.ToString(CultureInfo.InvariantCulture),
        })
        {
            watch.ArgumentList.Add(argument);
        }
        return Process.Start(watch) ?? throw new InvalidOperationException("The watchdog did not start.");
    }

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    /// <summary>The last lines the process wrote, for failure messages.</summary>
    public string Output => string.Join(Environment.NewLine, output);

    /// <summary>SIGTERM: what Ctrl-C in run.sh and a service manager send.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    /// <summary>SIGKILL (kill -9) of the process and its children: a crash.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }
        process.WaitForExit();
    }

    public Task WaitForExitAsync(CancellationToken cancellationToken) => process.WaitForExitAsync(cancellationToken);

    public void Dispose()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnTestRunExit;
        try
        {
            Kill();
        }
        catch (InvalidOperationException)
        {
            // never started
        }
        if (watchdog is { HasExited: false })
        {
            watchdog.Kill();
        }
        watchdog?.Dispose();
        process.Dispose();
    }

    void OnTestRunExit(object? sender, EventArgs e) => Kill();

    void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        output.Enqueue(line);
        while (output.Count > KeptLines && output.TryDequeue(out _))
        {
        }
    }
}
