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
    private const int KeptLines = 300;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _watchdog;

    private ChildProcess(Process process)
    {
        _process = process;
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
        child._process.OutputDataReceived += (_, e) => child.Keep(e.Data);
        child._process.ErrorDataReceived += (_, e) => child.Keep(e.Data);
        child._process.Start();
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        child._watchdog = StartWatchdog(child._process.Id);
        return child;
    }

    // If the test run itself is killed (no disposal, no ProcessExit), this kills the child a second later.
    private static Process StartWatchdog(int childId)
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

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>The last lines the process wrote, for failure messages.</summary>
    public string Output => string.Join(Environment.NewLine, _output);

    /// <summary>SIGTERM: what Ctrl-C in run.sh and a service manager send.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    /// <summary>SIGKILL (kill -9) of the process and its children: a crash.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.WaitForExit();
    }

    public Task WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

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
        if (_watchdog is { HasExited: false })
        {
            _watchdog.Kill();
        }
        _watchdog?.Dispose();
        _process.Dispose();
    }

    private void OnTestRunExit(object? sender, EventArgs e) => Kill();

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        _output.Enqueue(line);
        while (_output.Count > KeptLines && _output.TryDequeue(out _))
        {
        }
    }
}
