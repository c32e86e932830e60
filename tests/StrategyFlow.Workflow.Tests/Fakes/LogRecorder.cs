using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace StrategyFlow.Workflow.Tests.Fakes;

/// <summary>Keeps every log record it is given: level, category, the text a console would print, and the scopes.</summary>
public class LogRecorder : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<Record> _records = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    /// <param name="Level">How severe.</param>
    /// <param name="Category">The logger's category.</param>
    /// <param name="Text">The formatted message and the exception, as a console prints them.</param>
    /// <param name="Scopes">The scope values, which a console prints only with IncludeScopes.</param>
    public sealed record Record(LogLevel Level, string Category, string Text, string Scopes);

    public IReadOnlyCollection<Record> Records => _records;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose() => GC.SuppressFinalize(this);

    /// <summary>The same, as a separate provider type, so a filter rule can let it see every level.</summary>
    public sealed class Unfiltered : LogRecorder;

    private sealed class Logger(LogRecorder recorder, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => recorder._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new List<string>();
            recorder._scopes.ForEachScope((scope, list) => list.Add(scope is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(", ", pairs.Select(p => $"{p.Key}={p.Value}"))
                : scope?.ToString() ?? ""), scopes);
            recorder._records.Enqueue(new Record(logLevel, category, $"{formatter(state, exception)} {exception}", string.Join(" | ", scopes)));
        }
    }
}
